/**
 * Web Storage that never throws: it is missing in some sandboxed iframes, throws on
 * access when cookies are blocked, and throws on write when full. Losing what it keeps
 * must never break commenting, so failures read as "nothing stored".
 */
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function safeStorage(kind: 'localStorage' | 'sessionStorage'): SafeStorage {
  const storage = (): Storage | undefined => {
    try {
      return globalThis[kind];
    } catch {
      return undefined;
    }
  };
  return {
    get(key) {
      try {
        return storage()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        storage()?.setItem(key, value);
      } catch {
        // Full or blocked: the value lives only as long as the page.
      }
    },
    remove(key) {
      try {
        storage()?.removeItem(key);
      } catch {
        // Blocked: nothing was stored either.
      }
    },
  };
}

/** JSON from storage, or undefined when absent or unreadable. */
export function readStoredJson(storage: SafeStorage, key: string): unknown {
  const text = storage.get(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
