/**
 * Replaces the page's interval timer and clock with fakes for one test, recording every
 * interval started and letting the test fire ticks and move time on.
 */
export function fakeTimers() {
  const realSetInterval = window.setInterval;
  const realClearInterval = window.clearInterval;
  const realNow = Date.now;
  const intervals = new Map<number, {callback: () => void; delay: number}>();
  let started = 0;
  let offset = 0;
  let nextId = 1;
  window.setInterval = ((callback: () => void, delay: number) => {
    started++;
    intervals.set(nextId, {callback, delay});
    return nextId++;
  }) as typeof window.setInterval;
  window.clearInterval = ((id: number) => void intervals.delete(id)) as typeof window.clearInterval;
  Date.now = () => realNow() + offset;
  return {
    get started() {
      return started;
    },
    get running() {
      return [...intervals.values()];
    },
    advance(ms: number) {
      offset += ms;
      for (const {callback} of [...intervals.values()]) callback();
    },
    restore() {
      window.setInterval = realSetInterval;
      window.clearInterval = realClearInterval;
      Date.now = realNow;
    },
  };
}
