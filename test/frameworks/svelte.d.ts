declare module '*.svelte' {
  import type {Component} from 'svelte';
  const component: Component<{storageKey: string}>;
  export default component;
}
