/**
 * The text stage of the page analysis (key figures, people and organisations, summary) for content
 * scripts: they extract the article's text in the page and send it here, so the ~40 KB of figure and
 * entity rules are not parsed on every article page, and their CPU (up to ~75 ms on the longest corpus
 * article) runs off the page's main thread. Pure computation on the caller's own data: it reads and
 * writes nothing, so any sender allowed 'page' access may call it; the input is validated first.
 */
import { analyzeText as runTextStage, type TextStageResult } from '../../analysis/text-stage';
import type { CallContext } from '../../shared/rpc';
import { textStageInput } from '../../shared/validate-analysis';

export function analyzeText(_ctx: CallContext, input: unknown): TextStageResult {
  return runTextStage(textStageInput(input));
}
