// Layer 3: + the rest adapter's read path: what adapter="rest" runs before the first
// comments (start-up requests, the adapter, the mapping and validation of its answers,
// deadlines, errors). Posting, sign-in and the live stream stay lazy chunks.
export * from './2-localization.js';
export {startRestFromConfig} from '../adapters/rest/start.js';
export {createRestAdapterFromConfig} from '../adapters/rest/index.js';
export {configureDeadlines} from '../adapters/shared/deadline.js';
