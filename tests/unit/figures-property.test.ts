import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/analysis/entities/index';
import { extractFigures } from '../../src/analysis/figures/index';
import type { Figure } from '../../src/analysis/types';

/** Number-ish tokens that exercise every grammar path, glued or spaced at random. */
const TOKENS = [
  '1',
  '12',
  '1,234',
  '1.234,5',
  '1 234',
  '3.5',
  '-4',
  '2019',
  '2022/23',
  '10-12',
  '4-1',
  '92 to 58',
  '$',
  'US$',
  '€',
  '£',
  '¥',
  'Rs',
  'USD',
  'EUR',
  '%',
  'percent',
  'per cent',
  'percentage points',
  'basis points',
  'million',
  'bn',
  'm',
  'k',
  'Mio.',
  'Mrd.',
  'billion',
  'trillion',
  'lakh',
  'two',
  'fifteen',
  'twenty-five',
  'a dozen',
  'a',
  'half',
  'one',
  'of',
  'which',
  'thirds',
  'two-thirds',
  'in',
  'out of',
  'nearly',
  'about',
  'some',
  'more than',
  'over',
  'up to',
  'at least',
  'within',
  'fewer than',
  'edged up to',
  'between',
  'and',
  'to',
  'from',
  'voted',
  'won',
  'July',
  'May',
  'Jan.',
  '14th',
  '5',
  'January',
  '2024-01-05',
  '10:18',
  'a.m.',
  'p.m.',
  'am',
  '-day',
  '-year-old',
  'days',
  'km',
  'MW',
  'barrels',
  'F-16',
  'COVID-19',
  'G7',
  'Section',
  'Windows',
  'No.',
  '#',
  'views:48',
  'min read',
  'of 12',
  ',',
  '.',
  '-',
  '–',
  '/',
  ':',
  '(',
  ')',
  '"',
  '“',
  '\n\n',
  ' ',
  'U.S.',
  'dollars',
  'euros',
  'yuan',
  'pounds',
  'sets',
  'President',
  'Mark Rutte',
  ', the',
  'Secretary-General',
  'of the',
  'NATO',
  'Army',
  'Inc.',
  'Mr.',
  'said',
];

const mixture = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom('', ' ', ' ', '\n')), { maxLength: 40 })
  .map(parts => parts.map(([t, sep]) => t + sep).join(''));

function checkContract(text: string, figs: Figure[]): void {
  let end = 0;
  for (const f of figs) {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.start).toBeGreaterThanOrEqual(end);
    expect(f.end).toBeGreaterThan(f.start);
    end = f.end;
  }
  expect(figs.filter(f => f.key).length).toBeLessThanOrEqual(10);
}

describe('figures and entities: properties', () => {
  it('never throw on arbitrary strings; spans slice back, sorted, non-overlapping', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.constantFrom('en', 'de', 'fr', null),
        (text, lang) => {
          checkContract(text, extractFigures(text, { lang }));
          const ents = extractEntities(text, { lang });
          for (const e of ents) expect(e.first).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throw on random mixtures of number-ish tokens', () => {
    fc.assert(
      fc.property(mixture, fc.constantFrom('en', 'de', 'fr'), (text, lang) => {
        const figs = extractFigures(text, { lang, title: text.slice(0, 40) });
        checkContract(text, figs);
        for (const f of figs) {
          if (typeof f.value === 'number') expect(Number.isFinite(f.value)).toBe(true);
          if (Array.isArray(f.value)) expect(f.value.every(Number.isFinite)).toBe(true);
        }
        expect(() => extractEntities(text, { lang })).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('is stable under blocks that do not match the text', () => {
    fc.assert(
      fc.property(
        mixture,
        fc.array(
          fc.record({ start: fc.integer({ min: -5, max: 400 }), end: fc.integer({ min: -5, max: 400 }) }),
        ),
        (text, bs) => {
          const blocks = bs.map(b => ({ ...b, kind: 'paragraph' as const }));
          checkContract(text, extractFigures(text, { lang: 'en', blocks }));
        },
      ),
      { numRuns: 100 },
    );
  });
});
