// Layer 5: + a minimal thread whose comments are rendered by the product's own
// per-comment renderer (comment-view.ts).
export * from './4-styles.js';
export {ViewThread} from './view-thread.js';
