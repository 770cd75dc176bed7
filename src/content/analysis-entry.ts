/**
 * The page stage of the analysis engine as its own bundle (dist/<browser>/analysis.js, an ES module),
 * loaded by the content script only when it is needed: on pages the cheap detector calls articles, or
 * when the popup asks. Most pages a user opens are not articles, so they never parse this code; the
 * content script itself stays within its size budget (scripts/size.mjs). It runs analyzePageSliced (no
 * long tasks, issue 8) without the text stage: key figures, people and the summary are computed by the
 * background worker (src/background/handlers/analysis.ts) from the extracted text.
 */
export { analyzePageSliced } from '../analysis/sliced';
