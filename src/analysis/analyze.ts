/**
 * analyze(): the whole analysis of a page in one call, page stage and text stage in-process (the CLI,
 * the benchmarks, tests). The pipeline itself is in pipeline.ts; the content script runs it in slices
 * (sliced.ts) and has the background worker run the text stage (text-stage.ts).
 */
import { analysisSteps, type AnalyzeOptions, type PageAnalysisResult } from './pipeline';
import { runToEnd, WALL_CLOCK } from './steps';
import { textStageSteps } from './text-stage';
import type { PageAnalysis } from './types';

export {
  BODY_RUNS,
  countWords,
  DEFAULT_BUDGET_MS,
  type AnalyzeOptions,
  type PageAnalysisResult,
} from './pipeline';

export function analyzePage(doc: Document, opts: AnalyzeOptions): PageAnalysisResult {
  return runToEnd(analysisSteps(doc, opts, { clock: WALL_CLOCK, textStage: textStageSteps }));
}

export function analyze(doc: Document, opts: AnalyzeOptions): PageAnalysis {
  return analyzePage(doc, opts).analysis;
}
