// INTERIM (owned by the anchoring helper; replaced before landing). Signatures are the contract.
import type { Selector } from '../shared/types';
export interface AnchorResult { range: Range; score: number; method: 'position' | 'quote' | 'fuzzy' }
export interface AnchorOptions { minScore?: number }
/** Selectors (TextQuoteSelector + TextPositionSelector) for a range inside root. */
export function describe(_root: Node, _range: Range): Selector[] {
  return [];
}
/** A live Range for the selectors, or null (the annotation is orphaned). Never places on the wrong text. */
export function anchor(_root: Node, _selectors: Selector[], _opts: AnchorOptions = {}): AnchorResult | null {
  return null;
}
