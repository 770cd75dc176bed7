import type { Selector } from '../shared/types';
import type { TextIndex } from './text-index';

/** Characters of context stored on each side of a quote (as Hypothesis). */
export const CONTEXT_LENGTH = 32;

/**
 * A TextQuoteSelector (exact + 32 characters of prefix and suffix) and a TextPositionSelector, both over the
 * rendered text of the index's root (see text-index.ts). The quote is trimmed to start and end on text.
 * Empty when the range is collapsed, only whitespace, or not inside root.
 */
export function describeWith(index: TextIndex, range: Range): Selector[] {
  const span = index.spanOf(range);
  if (!span) return [];
  const text = index.text;
  let { start, end } = span;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (start >= end) return [];
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}
