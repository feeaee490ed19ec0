// Layer 1 of `npm run size:floor`: Lit as <comment-thread> uses it (every runtime import
// from lit and @lit/context of the modules on the rest thread's critical path, but for
// createContext, an identity function the minifier leaves nothing of). Copied into a
// folder inside build/ before bundling, so paths are relative to build/.
export {LitElement, css, html, svg, render, nothing, noChange} from 'lit';
export {property, state} from 'lit/decorators.js';
export {repeat} from 'lit/directives/repeat.js';
export {guard} from 'lit/directives/guard.js';
export {AsyncDirective, directive, PartType} from 'lit/async-directive.js';
export {ContextProvider, ContextRoot} from '@lit/context';
