import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Integrity of the hand-labelled key-figures gold set (tests/fixtures/figures/*.json). */
const dir = path.resolve(__dirname, '../fixtures/figures');
const corpus = path.resolve(__dirname, '../../../shared/corpus/zyte');
const golds = readdirSync(dir)
  .filter(f => f.endsWith('.json'))
  .map(f => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));

const KINDS = [
  'money',
  'percent',
  'count',
  'measure',
  'duration',
  'date',
  'year',
  'time',
  'ratio',
  'ordinal',
  'score',
];

describe('key-figures gold set', () => {
  it('has at least 12 articles split into dev and held-out halves', () => {
    expect(golds.length).toBeGreaterThanOrEqual(12);
    const dev = golds.filter(g => g.split === 'dev').length;
    expect(dev).toBeGreaterThanOrEqual(5);
    expect(golds.length - dev).toBeGreaterThanOrEqual(5);
  });

  it('has well-formed labels whose spans slice back, sorted and non-overlapping', () => {
    for (const g of golds) {
      expect(g.schema).toBe('key-figures-gold/1');
      expect(createHash('sha256').update(g.text).digest('hex')).toBe(g.textSha256);
      let end = 0;
      for (const f of g.figures) {
        expect(g.text.slice(f.start, f.end), g.id).toBe(f.text);
        expect(f.start).toBeGreaterThanOrEqual(end);
        expect(KINDS).toContain(f.kind);
        expect(['eq', 'approx', 'gt', 'gte', 'lt', 'lte']).toContain(f.approx);
        end = f.end;
      }
    }
  });

  it.skipIf(!existsSync(path.join(corpus, 'ground-truth.json')))(
    'matches the corpus and uses no reserved page',
    () => {
      const gt = JSON.parse(readFileSync(path.join(corpus, 'ground-truth.json'), 'utf8'));
      const reserved = readFileSync(path.join(corpus, 'RESERVED.txt'), 'utf8')
        .split('\n')
        .map(l => l.trim().replace(/\.html$/, ''))
        .filter(l => l && !l.startsWith('#'));
      for (const g of golds) {
        expect(reserved).not.toContain(g.id);
        expect(gt[g.id]?.articleBody).toBe(g.text);
      }
    },
  );
});
