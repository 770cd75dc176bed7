/**
 * Main text from the live DOM, without cloning or mutating it: one statistics walk, a choice of
 * content root(s), then a collection pass that builds the text and its TextMap.
 */
import type { TextMap } from '../types';
import type { TextBlock } from '../figures/index';
import { collectStats } from './stats';
import { chooseRoot } from './score';
import { collectText } from './collect';
import { EMPTY_TEXT_MAP } from './text-map';

export { BudgetExceeded } from './stats';

export interface BodyOptions {
  /** The article title, so a repeat of it in the body is left out. */
  title?: string | null;
  /** performance.now() value past which the work gives up (BudgetExceeded). */
  deadline?: number;
  /** Upper bound on elements walked (BudgetExceeded past it). */
  maxElements?: number;
}

export interface BodyResult {
  text: string;
  blocks: TextBlock[];
  textMap: TextMap;
  /** The top content container, null when none was found. */
  root: Element | null;
}

const EMPTY: BodyResult = { text: '', blocks: [], textMap: EMPTY_TEXT_MAP, root: null };

/** Retried without stripping "unlikely" containers when the first attempt finds less than this. */
const MIN_TEXT = 500;

export function extractBody(doc: Document, opts: BodyOptions = {}): BodyResult {
  const body = doc.body;
  if (!body || body.tagName.toUpperCase() === 'FRAMESET') return EMPTY;
  const deadline = opts.deadline ?? Infinity;
  const st = collectStats(body, { maxElements: opts.maxElements ?? 150_000, deadline });
  const hinted = st.hinted;
  let best: BodyResult = EMPTY;
  for (const stripUnlikely of [true, false]) {
    const choice = chooseRoot(st, { stripUnlikely, hinted });
    if (!choice) continue;
    const c = collectText(doc, st, choice.parts, { stripUnlikely, title: opts.title ?? null, deadline });
    if (c.text.length > best.text.length) {
      best = { text: c.text, blocks: c.blocks, textMap: c.map, root: st.stats[choice.top]!.el };
    }
    if (best.text.length >= MIN_TEXT || performance.now() > deadline) break;
  }
  return best;
}
