/**
 * Bundle-size report per context of dist/chrome (minified and gzip bytes), held to budgets.
 * Exits non-zero when a budget is exceeded. Run after `npm run build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'dist/chrome');
/** Gzip budgets in KB (issue 2); they only ever go down. */
const budgets = {
  'content.js': 40,
  'analysis.js': 45,
  'popup.js': 60,
  'options.js': 60,
  'background.js': 80,
};

if (!existsSync(dir)) {
  console.error('dist/chrome is missing: run npm run build first');
  process.exit(1);
}
let failed = false;
console.log('file            minified      gzip    budget (gzip)');
for (const [file, budgetKb] of Object.entries(budgets)) {
  const bytes = readFileSync(join(dir, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const over = gz > budgetKb * 1024;
  failed ||= over;
  const kb = n => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(
    `${file.padEnd(14)}${kb(bytes.length)}${kb(gz)}   ${budgetKb} KB ${over ? 'OVER BUDGET' : 'ok'}`,
  );
}
if (failed) {
  console.error('A bundle is over its budget.');
  process.exit(1);
}
