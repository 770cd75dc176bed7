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
  it('takes the h1 that is the leading part, not a later site part, and drops a permalink sign', () => {
    expect(
      pickTitle(
        {
          meta: [],
          docTitle: 'Evolve: Shared Mutable History — evolve extension for Mercurial',
          h1s: ['evolve extension for Mercurial', 'Evolve: Shared Mutable History¶'],
        },
        {},
      ),
    ).toBe('Evolve: Shared Mutable History');
  });
  it('ignores an h1 that is a short platform tag among the title parts', () => {
    expect(
      pickTitle(
        { meta: [], docTitle: 'A walk in the autumn hills of Hsinchu :: Pixnet ::', h1s: ['Pixnet'] },
        {},
      ),
    ).toBe('A walk in the autumn hills of Hsinchu');
  });
  it('prefers the visible h1 over a reworded title, but not over a title it only wraps', () => {
    expect(
      pickTitle(
        {
          meta: [],
          docTitle: 'Mailaktion an den Bundestag',
          h1s: ['Mail-Aktion an den Deutschen Bundestag'],
        },
        {},
      ),
    ).toBe('Mail-Aktion an den Deutschen Bundestag');
    expect(
      pickTitle(
        {
          meta: ['Große Aufgaben für die neue Regierung'],
          docTitle: '',
          h1s: ['Tunesien Große Aufgaben für die neue Regierung'],
        },
        {},
      ),
    ).toBe('Große Aufgaben für die neue Regierung');
    expect(
      pickTitle({ meta: ['Rates held for a third month'], docTitle: '', h1s: ['Archive of rates beta'] }, {}),
    ).toBe('Rates held for a third month');
  });
  it('strips a site named by a hyphenated host', () => {
    expect(
      cleanTitle('Hund vertreibt Einbrecher – Zeugenaufruf – Hildesheimer Presse', {
        host: 'hildesheimer-presse.de',
      }),
    ).toBe('Hund vertreibt Einbrecher – Zeugenaufruf');
  });
  it('uses the h1 when there is nothing else', () => {
    expect(pickTitle({ meta: [], docTitle: '', h1s: ['Only a heading'] }, {})).toBe('Only a heading');
  });
});

describe('pickTitle: placeholder titles and an <h1> worded like the <title>', () => {
  it('takes the headline over a placeholder title', () => {
    expect(pickTitle({ meta: [], docTitle: 'Home', h1s: ['Time to say goodbye.'] })).toBe(
      'Time to say goodbye.',
    );
    expect(pickTitle({ meta: [], docTitle: 'Startseite', h1s: [] })).toBe('Startseite');
  });
  it('takes an <h1> worded like the <title> when og:title words it otherwise', () => {
    expect(
      pickTitle(
        {
          meta: ["Clever Ideas to Set Up Baby's Nursery in A Small Space"],
          docTitle: '20 Clever Ideas for your Small Nursery - The Postpartum Party',
          h1s: ['20 Clever Small Nursery Ideas When You’re Tight On Space + Free Printable'],
        },
        { siteName: 'The Postpartum Party', host: 'thepostpartumparty.com' },
      ),
    ).toBe('20 Clever Small Nursery Ideas When You’re Tight On Space + Free Printable');
  });
});
