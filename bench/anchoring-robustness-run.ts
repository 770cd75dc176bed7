/**
 * The anchoring robustness set alone, in jsdom, without the Chromium speed part (for iterating on the scoring):
 *   npx tsx bench/anchoring-robustness-run.ts [--wrong [--dump]] [--orphans] [--no-baseline]
 * --wrong prints every wrong placement (expected and anchored span in context, the stored selectors, method and
 * score; --dump also writes each case's text and selectors to .tmp/anchoring-wrong-N.json); --orphans prints every orphan. ANCHOR_PAGES=from:to limits the run to a slice of the set. Prints the
 * markdown table; writes nothing (`npm run bench:anchoring` writes bench/results/anchoring.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { debug, robustnessMarkdown, runRobustness } from './anchoring-robustness';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repo, '../shared/corpus');
const args = new Set(process.argv.slice(2));

if (!fs.existsSync(path.join(corpus, 'zyte/ground-truth.json'))) {
  console.log('Robustness set skipped: corpus absent.');
  process.exit(0);
}
if (args.has('--no-baseline')) process.env.ANCHOR_NO_BASELINE = '1';
let wrongs = 0;
if (args.has('--wrong')) {
  debug.onWrong = w => {
    wrongs++;
    const q = w.sel[0] as { exact: string; prefix: string; suffix: string };
    console.log(
      [
        `--- wrong #${wrongs} ${w.edit} ${w.page} (${w.method} ${w.score.toFixed(3)})`,
        `  stored:   ${JSON.stringify(q.prefix)} [[${q.exact}]] ${JSON.stringify(q.suffix)}`,
        `  expected: ${w.expected}`,
        `  got:      ${w.got}`,
      ].join('\n'),
    );
    if (args.has('--dump')) {
      const file = path.join(repo, '.tmp', `anchoring-wrong-${wrongs}.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ page: w.page, edit: w.edit, sel: w.sel, text: w.text }));
    }
  };
}
if (args.has('--orphans')) {
  debug.onOrphan = o => {
    const q = o.sel[0] as { exact: string; prefix: string; suffix: string };
    console.log(
      [
        `--- orphan ${o.edit} ${o.page}`,
        `  stored:   ${JSON.stringify(q.prefix)} [[${q.exact}]] ${JSON.stringify(q.suffix)}`,
        `  now:      ${o.now}`,
      ].join('\n'),
    );
  };
}
const t0 = Date.now();
const { results, pages } = runRobustness(repo, corpus);
console.log(robustnessMarkdown(results, pages));
console.log(`\n(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
