import { useCallback } from 'preact/hooks';

/**
 * Arrow-key movement for a roving tabindex over a fixed number of items: returns the next index
 * for a key, or null when the key is not a movement key. `orientation` picks the arrow pair.
 */
export function useRovingKeys(count: number, orientation: 'horizontal' | 'vertical', page = 1) {
  return useCallback(
    (key: string, current: number): number | null => {
      if (count === 0) return null;
      const prev = orientation === 'horizontal' ? 'ArrowLeft' : 'ArrowUp';
      const next = orientation === 'horizontal' ? 'ArrowRight' : 'ArrowDown';
      switch (key) {
        case prev:
          return orientation === 'horizontal' ? (current - 1 + count) % count : Math.max(0, current - 1);
        case next:
          return orientation === 'horizontal' ? (current + 1) % count : Math.min(count - 1, current + 1);
        case 'Home':
          return 0;
        case 'End':
          return count - 1;
        case 'PageUp':
          return orientation === 'vertical' ? Math.max(0, current - page) : null;
        case 'PageDown':
          return orientation === 'vertical' ? Math.min(count - 1, current + page) : null;
        default:
          return null;
      }
    },
    [count, orientation, page],
  );
}
