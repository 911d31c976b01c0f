/**
 * Waits until calls have stopped for `waitMs`, then runs `fn` with the latest value. `flush`
 * runs a waiting call now (when a field loses focus), `cancel` drops it (when it unmounts after
 * flushing, or the record is gone).
 */
export interface Debounced<T> {
  (value: T): void;
  flush(): void;
  cancel(): void;
}

export function debounce<T>(fn: (value: T) => void, waitMs: number): Debounced<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { value: T } | null = null;

  const run = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const next = pending;
    pending = null;
    if (next) fn(next.value);
  };
  const debounced = ((value: T) => {
    pending = { value };
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, waitMs);
  }) as Debounced<T>;
  debounced.flush = run;
  debounced.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return debounced;
}
