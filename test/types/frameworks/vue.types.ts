// What vue-tsc checks a Vue 3.5 template against, with `import type {} from 'colloquy/vue'`.
import type {} from 'colloquy/vue';
import type {GlobalComponents} from 'vue';

type ThreadProps = InstanceType<GlobalComponents['comment-thread']>['$props'];
type FormProps = InstanceType<GlobalComponents['comment-form']>['$props'];

export const thread: ThreadProps = {thread: 't', adapter: 'memory', storageKey: 'k', maxDepth: 3, onCommentLoad: (event) => event.comments.length};
export const form: FormProps = {headingLevel: 2, onCommentPosted: (event) => event.comment?.id};

// @ts-expect-error maxDepth is a number
export const wrongProperty: ThreadProps = {maxDepth: 'deep'};

// @ts-expect-error the event has no such field
export const wrongEvent: ThreadProps = {onCommentLoad: (event) => event.nothing};
