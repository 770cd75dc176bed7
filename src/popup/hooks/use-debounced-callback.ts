import { useEffect, useRef } from 'preact/hooks';

/**
 * Leading + trailing debounce: the first call after a quiet spell of `ms` runs at once (a single
 * keystroke gets its results without waiting), calls inside a burst collapse into one trailing call
 * `ms` after the last. The latest `fn` is always the one called.
 */
export function useDebouncedCallback<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  const fnRef = useRef(fn);
  fnRef.current = fn;
  const state = useRef<{ timer: ReturnType<typeof setTimeout> | null; last: number }>({
    timer: null,
    last: -Infinity,
  });
  useEffect(
    () => () => {
      if (state.current.timer) clearTimeout(state.current.timer);
    },
    [],
  );
  const ref = useRef((...args: A) => {
    const s = state.current;
    const now = performance.now();
    if (s.timer) clearTimeout(s.timer);
    if (now - s.last >= ms) {
      s.last = now;
      s.timer = null;
      fnRef.current(...args);
      return;
    }
    s.last = now;
    s.timer = setTimeout(() => {
      s.timer = null;
      s.last = performance.now();
      fnRef.current(...args);
    }, ms);
  });
  return ref.current;
}
