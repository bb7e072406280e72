/**
 * One value kept in this browser's localStorage, as the handouts and the comparison keep theirs.
 * Reading never fails: storage can be disabled (private mode, policy), and then nothing is
 * remembered while links still carry handouts and comparisons. Every save tells the listeners
 * on this page, and other tabs hear of it through the storage event.
 */
export interface StoredValue {
  read(): string | null;
  write(value: string): void;
  /** Calls `listener` whenever the value changes, on this page or in another tab. */
  onChange(listener: () => void): void;
}

export function storedValue(key: string): StoredValue {
  const changed = `casebook:${key}`;
  return {
    read() {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write(value) {
      try {
        localStorage.setItem(key, value);
      } catch {
        /* see read */
      }
      document.dispatchEvent(new Event(changed));
    },
    onChange(listener) {
      document.addEventListener(changed, listener);
      // A null key: another tab cleared the storage.
      addEventListener('storage', (e) => {
        if (e.key === key || e.key === null) listener();
      });
    },
  };
}
