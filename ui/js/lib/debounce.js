// Latest-wins async calls: while typing, only the answer to the newest input is applied.

/**
 * Wraps `fn` so that each call supersedes the previous one: a stale answer is dropped.
 * @template T
 * @param {(...args: any[]) => Promise<T>} fn
 * @returns {(...args: any[]) => Promise<{ stale: boolean, value?: T, error?: any }>}
 */
export function latest(fn) {
  let generation = 0;
  return async (...args) => {
    generation += 1;
    const mine = generation;
    try {
      const value = await fn(...args);
      return mine === generation ? { stale: false, value } : { stale: true };
    } catch (error) {
      return mine === generation ? { stale: false, error } : { stale: true };
    }
  };
}
