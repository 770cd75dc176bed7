/**
 * `npm run bench`: runs every benchmark (each writes bench/results/<name>.md), then assembles
 * BENCHMARKS.md from the result files. A failing benchmark is reported and the others still run;
 * the exit code is non-zero if any failed.
 *
 *   node scripts/bench-all.mjs            run all, then assemble
 *   node scripts/bench-all.mjs --assemble only assemble BENCHMARKS.md from existing results
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'bench/results');
/** Benchmarks in the order they appear in BENCHMARKS.md. */
const order = [
  'analysis',
  'analysis-sliced',
  'metadata',
  'metadata-eval',
  'detect',
  'figures',
  'anchoring',
  'storage',
  'popup',
];
const resultFile = {
  analysis: 'analysis',
  'analysis-sliced': 'analysis-sliced',
  metadata: 'metadata-detect',
  'metadata-eval': 'metadata-eval',
  detect: 'detect',
  figures: 'figures',
  anchoring: 'anchoring',
  storage: 'storage',
  popup: 'popup',
};

const failures = [];
if (!process.argv.includes('--assemble')) {
  spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  for (const name of order) {
    console.error(`\n=== bench:${name}`);
    // Through the npm script, so `npm run bench` and `npm run bench:<name>` run the same command.
    // The metadata bench holds ~500 parsed documents at once and needs a larger heap.
    const heap = name === 'metadata' ? { NODE_OPTIONS: '--max-old-space-size=6144' } : {};
    const run = spawnSync('npm', ['run', `bench:${name}`], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...heap, TMPDIR: join(root, '.tmp') },
    });
    if (run.status !== 0) failures.push(name);
  }
}

const sections = [];
const known = new Set(order.map(n => `${resultFile[n]}.md`));
for (const name of order) {
  const file = join(results, `${resultFile[name]}.md`);
  if (existsSync(file)) sections.push(readFileSync(file, 'utf8').trim());
}
for (const file of existsSync(results) ? readdirSync(results).sort() : []) {
  if (file.endsWith('.md') && !known.has(file))
    sections.push(readFileSync(join(results, file), 'utf8').trim());
}
const header = `# Benchmarks

Produced by \`npm run bench\` (each benchmark also runs alone as \`npm run bench:<name>\`). Every figure is measured
on this project's CI machine kind (2 cores, shared), so absolute times are noisy: each section states its baseline,
measured in the same run, and the ratio against it. Sections are assembled from \`bench/results/*.md\`.
`;
writeFileSync(join(root, 'BENCHMARKS.md'), [header, ...sections].join('\n\n') + '\n');
console.error(`BENCHMARKS.md: ${sections.length} sections`);
if (failures.length) {
  console.error(`failed: ${failures.join(', ')}`);
  process.exit(1);
}
