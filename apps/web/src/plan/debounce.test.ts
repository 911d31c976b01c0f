import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves only the latest value once typing pauses', () => {
    const saved: string[] = [];
    const save = debounce((value: string) => saved.push(value), 200);
    save('N');
    save('Na');
    vi.advanceTimersByTime(150);
    save('Nan');
    vi.advanceTimersByTime(199);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual(['Nan']);
  });

  it('saves a waiting value at once when flushed, and only once', () => {
    const saved: string[] = [];
    const save = debounce((value: string) => saved.push(value), 200);
    save('Nan');
    save.flush();
    expect(saved).toEqual(['Nan']);
    vi.advanceTimersByTime(500);
    save.flush();
    expect(saved).toEqual(['Nan']);
  });

  it('drops a waiting value when cancelled', () => {
    const saved: string[] = [];
    const save = debounce((value: string) => saved.push(value), 200);
    save('Nan');
    save.cancel();
    vi.advanceTimersByTime(500);
    expect(saved).toEqual([]);
  });
});
