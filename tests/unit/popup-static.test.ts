/**
 * Page-derived text is rendered as text in the popup and options page: no HTML sinks in their
 * sources at all (the build also rewrites Preact's own unused sink).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFigure } from '../../src/popup/components/common/format';

const root = resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap(f =>
    statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)],
  );

describe('popup and options sources', () => {
  it('use no HTML sinks', () => {
    const sources = [...files(join(root, 'src/popup')), ...files(join(root, 'src/options'))].filter(f =>
      /\.(ts|tsx|html)$/.test(f),
    );
    expect(sources.length).toBeGreaterThan(10);
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(
        /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML|document\.write/,
      );
    }
  });
});

describe('formatFigure', () => {
  const f = (p: Partial<Parameters<typeof formatFigure>[0]>) =>
    formatFigure({ value: 0, unit: '', kind: 'count', approx: 'eq', text: '', ...p });
  it('shows the value, the unit and the approximation marker', () => {
    expect(f({ value: 1_200_000_000, unit: 'USD', kind: 'money' })).toBe('USD 1.2B');
    expect(f({ value: 5, unit: '€', kind: 'money', approx: 'approx' })).toBe('≈ €5');
    expect(f({ value: 40, approx: 'gt' })).toBe('> 40');
    expect(f({ value: 12.5, unit: '%', kind: 'percent', approx: 'lte' })).toBe('≤ 12.5%');
    expect(f({ value: [3, 4], unit: 'year', kind: 'duration', approx: 'gte' })).toBe('≥ 3–4 years');
    expect(f({ value: 2026, kind: 'year', approx: 'lt' })).toBe('< 2026');
    expect(f({ value: '2026-06', kind: 'date' })).toBe('2026-06');
  });
});
