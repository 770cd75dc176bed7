/**
 * Main text from the live DOM, without cloning or mutating it: one statistics walk, a choice of
 * content root(s), then a collection pass that builds the text and its TextMap.
 */
import type { TextMap } from '../types';
import type { TextBlock } from '../figures/index';
import { collectStatsSteps } from './stats';
import { chooseRootSteps } from './score';
import { collectTextSteps } from './collect';
import { EMPTY_TEXT_MAP } from './text-map';
import { runToEnd, type Steps } from '../steps';

export { BudgetExceeded } from './stats';

export interface BodyOptions {
  /** The article title, so a repeat of it in the body is left out. */
  title?: string | null;
  /** Clock value past which the work gives up (BudgetExceeded). */
  deadline?: number;
  /** The clock `deadline` is read on (default performance.now; a sliced run passes its work clock). */
  now?: () => number;
  /** Upper bound on elements walked (BudgetExceeded past it). */
  maxElements?: number;
}

export interface BodyResult {
  text: string;
  blocks: TextBlock[];
  textMap: TextMap;
  /** The top content container, null when none was found. */
  root: Element | null;
  /** The elements whose text was collected (the root and the siblings that belong to it), in order. */
  parts: Element[];
}

const EMPTY: BodyResult = { text: '', blocks: [], textMap: EMPTY_TEXT_MAP, root: null, parts: [] };

/** Retried without stripping "unlikely" containers when the first attempt finds less than this. */
const MIN_TEXT = 500;

export function extractBody(doc: Document, opts: BodyOptions = {}): BodyResult {
  return runToEnd(extractBodySteps(doc, opts));
}

/** extractBody as resumable steps (see steps.ts): the same work, offering to pause inside each walk. */
export function* extractBodySteps(doc: Document, opts: BodyOptions = {}): Steps<BodyResult> {
  const body = doc.body;
  if (!body || body.tagName.toUpperCase() === 'FRAMESET') return EMPTY;
  const deadline = opts.deadline ?? Infinity;
  const now = opts.now ?? (() => performance.now());
  const st = yield* collectStatsSteps(body, { maxElements: opts.maxElements ?? 150_000, deadline, now });
  const hinted = st.hinted;
  let best: BodyResult = EMPTY;
  for (const stripUnlikely of [true, false]) {
    yield;
    const choice = yield* chooseRootSteps(st, { stripUnlikely, hinted });
    if (!choice) continue;
    yield;
    const c = yield* collectTextSteps(doc, st, choice.parts, {
      stripUnlikely,
      title: opts.title ?? null,
      deadline,
      now,
    });
    if (c.text.length > best.text.length) {
      best = {
        text: c.text,
        blocks: c.blocks,
        textMap: c.map,
        root: st.stats[choice.top]!.el,
        parts: choice.parts.map(i => st.stats[i]!.el),
      };
    }
    if (best.text.length >= MIN_TEXT || now() > deadline) break;
  }
  return best;
}
