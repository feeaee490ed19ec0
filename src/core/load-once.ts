/**
 * `load` run once and its promise shared by every caller, except that a failed load is
 * forgotten: a lazy chunk that could not be fetched (a network blip, a deploy in progress)
 * is fetched again by the next caller instead of failing for the rest of the page's life.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
