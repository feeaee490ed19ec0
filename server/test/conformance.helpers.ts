import {spawn} from 'node:child_process';
import {BIN} from './helpers.js';

/** `colloquy-server check <endpoint>` as a user runs it; resolves with its exit code and output. */
export function runCheck(endpoint: string, args: string[] = [], env: Record<string, string> = {}): Promise<{code: number | null; output: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'check', endpoint, ...args], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env}});
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({code, output}));
  });
}
