/**
 * The analysis pipeline: detect -> metadata -> main text -> figures/entities -> summary.
 * Contract: never throws and never mutates the page. Any internal error, or running past the
 * element/time budget, ends the work cleanly with `isArticle: false` and a reason; what was
 * computed before that (usually the metadata) is kept. Non-articles get metadata and main text
 * only: figures, entities and the summary are skipped to keep every page load cheap.
 */
import type { DetectResult, PageAnalysis, TextMap } from './types';
import { detect } from './detect';
import { emptyMeta, extractMetadata } from './metadata/index';
import { extractFigures } from './figures/index';
import { extractEntities } from './entities/index';
import { BudgetExceeded, extractBody } from './body/index';
import { EMPTY_TEXT_MAP } from './body/text-map';
import { summarize } from './summary';

export interface AnalyzeOptions {
  url: string;
  /** Time budget in ms for the whole analysis (default 2000). */
  budgetMs?: number;
  /** Element budget for the main-text walk (default 150,000). */
  maxElements?: number;
  /** detect(doc, url) already computed for this document state (the content script runs it first). */
  detected?: DetectResult;
}

export interface PageAnalysisResult {
  analysis: PageAnalysis;
  /** Maps offsets in analysis.text to the live page (valid while the page's text is unchanged). */
  textMap: TextMap;
  /** The main content container, null when none was found. */
  root: Element | null;
}

export const DEFAULT_BUDGET_MS = 2000;
const WORDS_PER_MINUTE = 230;

/** Words in the text; CJK ideographs and kana (written without spaces) count two characters a word. */
export function countWords(text: string): number {
  let words = 0;
  let cjk = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    const ideo = w.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
    if (ideo === 0) words++;
    else {
      cjk += ideo;
      if (ideo < w.length) words++;
    }
  }
  return words + Math.ceil(cjk / 2);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function analyzePage(doc: Document, opts: AnalyzeOptions): PageAnalysisResult {
  const t0 = performance.now();
  const deadline = t0 + (opts.budgetMs ?? DEFAULT_BUDGET_MS);
  const analysis: PageAnalysis = {
    url: opts.url,
    isArticle: false,
    articleScore: 0,
    reasons: [],
    meta: emptyMeta(),
    text: '',
    wordCount: 0,
    readingMinutes: 0,
    summary: [],
    figures: [],
    entities: [],
    timings: { detect: 0, metadata: 0, body: 0, figures: 0, summary: 0 },
  };
  let textMap: TextMap = EMPTY_TEXT_MAP;
  let root: Element | null = null;
  const timings = analysis.timings;
  let step = 'detect';
  let t = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const d = now - t;
    t = now;
    return d;
  };
  const checkBudget = (): void => {
    if (performance.now() > deadline) throw new BudgetExceeded('time budget exceeded');
  };
  try {
    if (!doc || !doc.documentElement) {
      analysis.reasons.push('empty document');
      return { analysis, textMap, root };
    }
    const d = opts.detected ?? detect(doc, opts.url);
    analysis.isArticle = d.isArticle;
    analysis.articleScore = d.score;
    analysis.reasons = [...d.reasons];
    timings.detect = lap();
    checkBudget();

    step = 'metadata';
    analysis.meta = extractMetadata(doc, opts.url);
    timings.metadata = lap();
    checkBudget();

    step = 'body';
    const body = extractBody(doc, {
      title: analysis.meta.title,
      deadline,
      maxElements: opts.maxElements,
    });
    analysis.text = body.text;
    analysis.wordCount = countWords(body.text);
    analysis.readingMinutes =
      analysis.wordCount > 0 ? Math.max(1, Math.round(analysis.wordCount / WORDS_PER_MINUTE)) : 0;
    textMap = body.textMap;
    root = body.root;
    timings.body = lap();
    if (!analysis.isArticle || !body.text) return { analysis, textMap, root };
    checkBudget();

    step = 'figures';
    const lang = analysis.meta.lang ?? (doc.documentElement.getAttribute('lang') || null);
    const title = analysis.meta.title;
    analysis.figures = extractFigures(body.text, { lang, title, blocks: body.blocks });
    analysis.entities = extractEntities(body.text, { lang, title });
    timings.figures = lap();
    checkBudget();

    step = 'summary';
    analysis.summary = summarize(body.text, { title, blocks: body.blocks, figures: analysis.figures }).map(
      s => s.text,
    );
    timings.summary = lap();
  } catch (e) {
    const budget = e instanceof BudgetExceeded;
    analysis.isArticle = false;
    analysis.reasons.push(
      budget ? `gave up at ${step}: ${message(e)}` : `analysis failed at ${step}: ${message(e)}`,
    );
    if (step === 'body' || step === 'detect' || step === 'metadata') {
      // A half-built text is not returned: it would not match the page's article.
      analysis.text = '';
      analysis.wordCount = 0;
      analysis.readingMinutes = 0;
      textMap = EMPTY_TEXT_MAP;
      root = null;
    }
    const key = step as keyof typeof timings;
    if (key in timings) timings[key] = lap();
  }
  return { analysis, textMap, root };
}

export function analyze(doc: Document, opts: AnalyzeOptions): PageAnalysis {
  return analyzePage(doc, opts).analysis;
}
