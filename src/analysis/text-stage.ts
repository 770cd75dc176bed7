/**
 * The text stage of the analysis: key figures, people and organisations, and the summary, computed from
 * the extracted main text alone (no DOM). Split from the page stage (pipeline.ts) so that it can run
 * where the page is not: the extension runs it in the background worker (handlers/analysis.ts), which
 * keeps its ~40 KB of rules and word lists out of the content script and its CPU off the page's main
 * thread; analyze() and the CLI run it in-process. Pure: no extension API.
 *
 * Contract: the input is plain data (structured-cloneable); offsets in the result are into `input.text`.
 */
import { extractEntities } from './entities/index';
import { extractFigures, type TextBlock } from './figures/index';
import { runToEnd, WALL_CLOCK, type Steps, type WorkClock } from './steps';
import { summarizeSteps } from './summary';
import type { Entity, Figure } from './types';

export interface TextStageInput {
  /** The main text (PageAnalysis.text). */
  text: string;
  /** The text's blocks (paragraphs, headings, ...), as the body step found them. */
  blocks: TextBlock[];
  lang: string | null;
  title: string | null;
}

export interface TextStageResult {
  figures: Figure[];
  entities: Entity[];
  summary: string[];
  /** Work time in ms: figures (with entities) and summary. */
  timings: { figures: number; summary: number };
}

/** The text stage as resumable steps (see steps.ts); pauses between its parts and inside the summary. */
export function* textStageSteps(
  input: TextStageInput,
  clock: WorkClock = WALL_CLOCK,
): Steps<TextStageResult> {
  const { text, blocks, lang, title } = input;
  let t = clock.now();
  const figures = extractFigures(text, { lang, title, blocks });
  yield;
  const entities = extractEntities(text, { lang, title });
  const figuresMs = clock.now() - t;
  yield;
  t = clock.now();
  const summary = yield* summarizeSteps(text, { title, blocks, figures });
  return {
    figures,
    entities,
    summary: summary.map(s => s.text),
    timings: { figures: figuresMs, summary: clock.now() - t },
  };
}

/** The text stage, run to the end. */
export function analyzeText(input: TextStageInput): TextStageResult {
  return runToEnd(textStageSteps(input));
}
