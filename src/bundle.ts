// Entry for the script-tag build (dist/cdn/colloquy.js): everything, with the built-in
// adapters registered by name and loaded only when a page uses them.
import './adapters/builtin.js';
export * from './index.js';
