// Entry for the script-tag build (dist/cdn/colloquy.js).
export * from './index.js';
