/**
 * The full analysis engine as its own bundle (dist/<browser>/analysis.js, an ES module), loaded by
 * the content script only when it is needed: on pages the cheap detector calls articles, or when
 * the popup asks. Most pages a user opens are not articles, so they never parse this code; the
 * content script itself stays within its size budget (scripts/size.mjs). The content script uses
 * analyzePageSliced (no long tasks, issue 8); analyzePage is the same pipeline without pauses.
 */
export { analyzePage } from '../analysis/index';
export { analyzePageSliced } from '../analysis/sliced';
