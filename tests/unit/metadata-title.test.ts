import { describe, expect, it } from 'vitest';
import { cleanTitle, pickTitle } from '../../src/analysis/metadata/title';

describe('cleanTitle', () => {
  const ctx = { siteName: 'Global Times Daily', host: 'news.example.org' };
  it.each([
    ['Patriot talks resume | Global Times Daily', 'Patriot talks resume'],
    ['Patriot talks resume - Global Times Daily', 'Patriot talks resume'],
    ['Global Times Daily: Patriot talks resume in Brussels', 'Patriot talks resume in Brussels'],
    ['Global Times Daily | Patriot talks resume', 'Patriot talks resume'],
    ['Patriot talks resume | Europe | Global Times Daily', 'Patriot talks resume'],
    [
      'How the Patriot air defence system works, explained | GTD',
      'How the Patriot air defence system works, explained',
    ],
    ['Spider-Man - Far From Home', 'Spider-Man - Far From Home'],
    ['Review: A quiet film about loud people', 'Review: A quiet film about loud people'],
  ])('%s', (raw, clean) => {
    expect(cleanTitle(raw, ctx)).toBe(clean);
  });

  it('keeps balanced parts that are not the site', () => {
    expect(cleanTitle('Brexit - the deal explained', {})).toBe('Brexit - the deal explained');
  });
});

describe('pickTitle', () => {
  it('prefers the h1 that agrees with a title part', () => {
    expect(
      pickTitle(
        {
          meta: [],
          docTitle: 'Rates held for a third month - Courier',
          h1s: ['Rates held for a third month'],
        },
        {},
      ),
    ).toBe('Rates held for a third month');
  });
  it('falls back to the cleaned og:title when the h1 is the logo', () => {
    expect(
      pickTitle(
        { meta: ['Rates held for a third month | Courier'], docTitle: 'x', h1s: ['Courier'] },
        { siteName: 'Courier' },
      ),
    ).toBe('Rates held for a third month');
  });
  it('uses the h1 when there is nothing else', () => {
    expect(pickTitle({ meta: [], docTitle: '', h1s: ['Only a heading'] }, {})).toBe('Only a heading');
  });
});
