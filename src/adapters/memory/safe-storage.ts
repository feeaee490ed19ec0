// Storage can throw (private browsing, full quota, blocked cookies): the memory adapter
// then keeps working from memory.

export function readStorage(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(storage: () => Storage, key: string, value: string) {
  try {
    storage().setItem(key, value);
  } catch {
    // Kept in memory only.
  }
}

export function removeStorage(storage: () => Storage, key: string) {
  try {
    storage().removeItem(key);
  } catch {
    // Nothing saved to remove.
  }
}
