/** Cells longer than this are read afresh each time: a cache of them would hold big strings. */
const MAX_KEY_LENGTH = 64;

/**
 * `read` remembering its results for the last distinct cells (up to `size`, then it starts
 * over): columns such as a touchpoint's type or an account's country repeat a few values over
 * millions of rows, and folding and matching each again is most of their cost. `read` must
 * be pure and return values nobody mutates (strings, numbers, frozen objects).
 */
export function memoised<T>(read: (value: string) => T, size = 1_000): (value: string) => T {
  const cache = new Map<string, T>();
  return (value: string) => {
    if (value.length > MAX_KEY_LENGTH) return read(value);
    const cached = cache.get(value);
    if (cached !== undefined || cache.has(value)) return cached as T;
    if (cache.size >= size) cache.clear();
    const result = read(value);
    cache.set(value, result);
    return result;
  };
}
