/**
 * Calls `fn` at most once per `intervalMs`, always delivering the latest value last, so a
 * cursor that stops moving is shown where it stopped.
 */
export interface Throttled<T> {
  (value: T): void;
  cancel(): void;
}

export function throttle<T>(fn: (value: T) => void, intervalMs: number): Throttled<T> {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: { value: T } | null = null;

  const fire = (value: T) => {
    last = Date.now();
    fn(value);
  };
  const throttled = ((value: T) => {
    const wait = last + intervalMs - Date.now();
    if (wait <= 0 && timer === null) {
      fire(value);
      return;
    }
    pending = { value };
    if (timer === null) {
      timer = setTimeout(
        () => {
          timer = null;
          if (pending) fire(pending.value);
          pending = null;
        },
        Math.max(0, wait),
      );
    }
  }) as Throttled<T>;
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
