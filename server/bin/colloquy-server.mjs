#!/usr/bin/env node
// The server is TypeScript run through tsx (esbuild): no build step between a clone and a
// running server, and the conformance check can load the widget's own adapter sources.
import {register} from 'tsx/esm/api';

register();
await import('../src/cli.ts');
