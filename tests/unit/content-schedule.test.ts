import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce, forEachSliced, sliceClock } from '../../src/content/schedule';

describe('forEachSliced', () => {
  it('yields whenever a slice has run for sliceMs and processes every item in order', async () => {
    let clock = 0;
    const seen: number[] = [];
    const yields: number[] = [];
    const count = await forEachSliced(
      Array.from({ length: 10 }, (_, i) => i),
      i => {
        seen.push(i);
        clock += 3; // each item costs 3 ms
      },
      { sliceMs: 8, now: () => clock, yieldFn: async () => void yields.push(seen.length) },
    );
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // 3 items (9 ms) per slice: yields before items 3, 6 and 9.
    expect(yields).toEqual([3, 6, 9]);
    expect(count).toBe(3);
  });

  it('never yields when the work is fast', async () => {
    const yieldFn = vi.fn(async () => {});
    await forEachSliced([1, 2, 3], () => {}, { now: () => 0, yieldFn });
    expect(yieldFn).not.toHaveBeenCalled();
  });

  it('stops at the next slice boundary once aborted', async () => {
    let clock = 0;
    const ctrl = new AbortController();
    const seen: number[] = [];
    await forEachSliced(
      [0, 1, 2, 3, 4, 5],
      i => {
        seen.push(i);
        clock += 5;
        if (i === 1) ctrl.abort();
      },
      { sliceMs: 8, now: () => clock, yieldFn: async () => {}, signal: ctrl.signal },
    );
    expect(seen).toEqual([0, 1]);
  });
});

describe('debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after a burst settles', () => {
    const fn = vi.fn();
    const d = debounce(fn, 100, 1000);
    d();
    vi.advanceTimersByTime(50);
    d();
    vi.advanceTimersByTime(50);
    d();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('bounds the delay under a continuous stream (maxWait)', () => {
    const fn = vi.fn();
    const d = debounce(fn, 100, 300);
    for (let t = 0; t < 500; t += 50) {
      d();
      vi.advanceTimersByTime(50);
    }
    expect(fn.mock.calls.length).toBeGreaterThanOrEqual(1);
  });

  it('cancel drops a pending call; flush runs it now', () => {
    const fn = vi.fn();
    const d = debounce(fn, 100);
    d();
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
    d();
    d.flush();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('sliceClock', () => {
  it('is due after sliceMs, restarts the slice on pause and counts yields', async () => {
    let t = 0;
    const yieldFn = vi.fn(async () => {});
    const clock = sliceClock({ sliceMs: 8, now: () => t, yieldFn });
    expect(clock.due()).toBe(false);
    t = 8;
    expect(clock.due()).toBe(true);
    await clock.pause();
    expect(clock.due()).toBe(false);
    expect(clock.yields()).toBe(1);
    expect(yieldFn).toHaveBeenCalledTimes(1);
  });

  it('is shared with forEachSliced, which continues the current slice instead of starting a new one', async () => {
    let t = 0;
    const yields: number[] = [];
    const clock = sliceClock({ sliceMs: 8, now: () => t, yieldFn: async () => void yields.push(t) });
    t = 6; // an earlier phase (the index build) used 6 ms of this slice
    const seen: number[] = [];
    await forEachSliced(
      [0, 1, 2],
      i => {
        seen.push(i);
        t += 3;
      },
      { clock },
    );
    // Item 0 runs in the 6 ms slice (ending at 9 ms), then the slice is due: one yield before item 1.
    expect(seen).toEqual([0, 1, 2]);
    expect(yields).toEqual([9]);
  });
});
