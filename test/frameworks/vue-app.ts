// A Vue 3.5 app using Colloquy as the README says (see app-contract.ts), with an in-page
// template, as Vue compiles a single-file component's.
import {createApp, markRaw, ref} from 'vue';
import '../../src/index.js';
import {NAMED_THREAD, OBJECT_THREAD, objectAdapter, type MountApp} from './app-contract.js';

export const mount: MountApp = (container, {storageKey}) => {
  const app = createApp({
    setup() {
      return {
        posted: ref(0),
        loads: ref(0),
        // markRaw: a reactive proxy of an adapter is not the adapter (private fields).
        adapter: markRaw(objectAdapter()),
        storageKey,
        NAMED_THREAD,
        OBJECT_THREAD,
      };
    },
    template: `
      <main>
        <p id="posted">Posted: {{ posted }}</p>
        <p id="loads">Loads: {{ loads }}</p>
        <comment-thread id="named" adapter="memory" :thread="NAMED_THREAD" :storage-key="storageKey"
          max-length="2000" @comment-load="loads++">
          <comment-form @comment-posted="posted++"></comment-form>
        </comment-thread>
        <comment-thread id="object" :thread="OBJECT_THREAD" :adapter="adapter"></comment-thread>
      </main>`,
  });
  app.config.compilerOptions.isCustomElement = (tag) => ['comment-thread', 'comment-form', 'login-choice'].includes(tag);
  app.mount(container);
  return () => app.unmount();
};
