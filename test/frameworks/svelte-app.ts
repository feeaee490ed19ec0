// Mounts the Svelte 5 app (SvelteApp.svelte, compiled by scripts/framework-apps-plugin.mjs).
import {mount as mountSvelte, unmount} from 'svelte';
import '../../src/index.js';
import type {MountApp} from './app-contract.js';
import SvelteApp from './SvelteApp.svelte';

export const mount: MountApp = (container, {storageKey}) => {
  const app = mountSvelte(SvelteApp, {target: container, props: {storageKey}});
  return () => void unmount(app);
};
