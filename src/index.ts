export * from './core/index.js';
export {createMemoryAdapter, MemoryAdapter, encodeMemoryGrant, defaultMemoryProviders} from './adapters/memory/index.js';
export type {MemoryAdapterOptions, SeedThread, SeedComment, SeedAuthor, CallKind, SimulatedFailure} from './adapters/memory/index.js';
