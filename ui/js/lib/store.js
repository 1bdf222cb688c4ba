// A tiny observable state holder: views render from plain state and re-render on change.

/**
 * @template T
 * @param {T} initial
 */
export function createStore(initial) {
  let state = initial;
  const listeners = new Set();
  return {
    /** @returns {T} */
    get: () => state,
    /** Merges `patch` into the state and notifies listeners. */
    update(patch) {
      state = { ...state, ...patch };
      for (const listener of [...listeners]) listener(state);
    },
    /** Calls `listener` on every change; returns an unsubscribe function. */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
