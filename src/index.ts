export * from './core/index.js';
export {createMemoryAdapter, MemoryAdapter, encodeMemoryGrant, defaultMemoryProviders} from './adapters/memory/index.js';
export type {MemoryAdapterOptions, SeedThread, SeedComment, SeedAuthor, CallKind, SimulatedFailure} from './adapters/memory/index.js';
export {CommentThreadElement} from './elements/comment-thread/comment-thread.js';
export {CommentLoadEvent} from './events/comment-load.js';
export {CommentErrorEvent, type CommentErrorOperation} from './events/comment-error.js';
export {CommentReplyEvent} from './events/comment-reply.js';
export type {ThreadLink} from './elements/shared/context.js';
