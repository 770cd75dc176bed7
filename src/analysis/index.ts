/** Public entry of the analysis engine: pure (Document, url) -> PageAnalysis, no extension API. */
export { analyze, analyzePage, countWords, DEFAULT_BUDGET_MS } from './analyze';
export type { AnalyzeOptions, PageAnalysisResult } from './analyze';
export { analyzeText } from './text-stage';
export type { TextStageInput, TextStageResult } from './text-stage';
export { detect } from './detect';
export { extractMetadata } from './metadata/index';
export { extractBody } from './body/index';
export type { BodyOptions, BodyResult } from './body/index';
export { summarize } from './summary';
export type { SummaryOptions } from './summary';
export { splitSentences } from './sentences';
export type { SentenceSpan } from './sentences';
export type * from './types';
