// Layer 5, for comparison: + the same minimal thread with a hand-written Lit template per
// comment instead of comment-view.ts.
export * from './4-styles.js';
export {TemplateThread} from './template-thread.js';
