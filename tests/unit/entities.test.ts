import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/analysis/entities/index';

const ents = (text: string) => extractEntities(text, { lang: 'en' });
const get = (text: string, name: string) => ents(text).find(e => e.name === name);

describe('entities', () => {
  it('reads roles before names, with modifiers', () => {
    const t =
      'German Defense Minister Boris Pistorius said on Monday that NATO Secretary-General Mark Rutte agreed.';
    expect(get(t, 'Boris Pistorius')).toMatchObject({ kind: 'person', role: 'German Defense Minister' });
    expect(get(t, 'Mark Rutte')).toMatchObject({ kind: 'person', role: 'NATO Secretary-General' });
    expect(get(t, 'NATO')?.kind).toBe('organization');
  });

  it('reads apposition and the organisation inside it', () => {
    const t = 'James Mingus, Vice Chief of Staff of the U.S. Army, admitted the shortfall.';
    expect(get(t, 'James Mingus')?.role).toBe('Vice Chief of Staff of the U.S. Army');
    expect(get(t, 'U.S. Army')?.kind).toBe('organization');
  });

  it('merges "President Trump" with "Trump" and "Mark Rutte" with "Rutte"', () => {
    const t = 'President Trump spoke. Later, Trump left. Mark Rutte said yes, and Rutte smiled.';
    expect(get(t, 'Trump')).toMatchObject({ role: 'President', mentions: 2, first: t.indexOf('Trump') });
    expect(get(t, 'Mark Rutte')?.mentions).toBe(2);
  });

  it('finds organisations by cue words and known names, and places by gazetteer', () => {
    const t =
      'Shares of Acme Holdings rose. The Pentagon and Lockheed Martin signed a deal in Poland, the Ministry of Defence said.';
    expect(get(t, 'Acme Holdings')?.kind).toBe('organization');
    expect(get(t, 'Pentagon')?.kind).toBe('organization');
    expect(get(t, 'Lockheed Martin')?.kind).toBe('organization');
    expect(get(t, 'Poland')?.kind).toBe('place');
    expect(get(t, 'Ministry of Defence')?.kind).toBe('organization');
  });

  it('does not take sentence-initial common words as entities', () => {
    const names = ents('However, the deal fell through. The talks ended. In March, nothing moved.').map(
      e => e.name,
    );
    expect(names).not.toContain('However');
    expect(names).not.toContain('The');
    expect(names).not.toContain('In');
  });

  it('reads "X, the Y of Z" and speech verbs', () => {
    const t = 'Tim Cook, the chief executive of Apple, was there. "We are ready," said Jane Smith.';
    expect(get(t, 'Tim Cook')?.role).toMatch(/chief executive of Apple/);
    expect(get(t, 'Jane Smith')?.kind).toBe('person');
  });
  it('reads a lower-case role and an organisation noun before a name (context cues)', () => {
    const t =
      'Chinese leader Xi Jinping met Apple analyst Ming-Chi Kuo, said market analyst Jeffrey Halley of the research firm Oanda.';
    expect(get(t, 'Xi Jinping')).toMatchObject({ kind: 'person', role: 'Chinese leader' });
    expect(get(t, 'Ming-Chi Kuo')).toMatchObject({ kind: 'person', role: 'Apple analyst' });
    expect(get(t, 'Oanda')?.kind).toBe('organization');
    // Without the cue a lone unknown two-word name is not guessed.
    expect(get('He met Ming-Chi Kuo.', 'Ming-Chi Kuo')).toBeUndefined();
  });

  it('reads bylines, handles, "the" + plural teams and abbreviations defined in parentheses', () => {
    const t =
      'The Chargers lost to the Chiefs. The Kospi Index (KOSPI) fell, the National Institute on Drug Abuse said.\n' +
      '— Robert Maguire (@RobertMaguire_) November 18, 2019\n(Reporting by Will Dunham; Editing by Tom Brown)';
    const e = ents(t);
    expect(e.find(x => x.name === 'Chiefs')?.kind).toBe('organization');
    expect(e.find(x => x.name === 'KOSPI')).toBeUndefined();
    expect(e.find(x => x.name === 'National Institute on Drug Abuse')?.kind).toBe('organization');
    for (const n of ['Robert Maguire', 'Will Dunham', 'Tom Brown'])
      expect(e.find(x => x.name === n)?.kind, n).toBe('person');
    // "on" joins a name only after an organisation noun, never before a weekday.
    expect(get('The Supreme Court on Monday ruled.', 'Supreme Court')?.kind).toBe('organization');
  });

  it('does not read shouted table rows as names', () => {
    expect(ents('HD THE HOME DEPOT INC. 225.86 -12.99').filter(e => e.kind !== 'place')).toEqual([]);
  });
  it('reads a team named in full after "the <team>" as an organisation, and camel-case products not as people', () => {
    const t =
      'The Los Angeles Lakers won again. It was the Lakers who scored. Apple AirPods sold out, and AirPods are back.';
    const e = ents(t);
    expect(e.find(x => x.name === 'Los Angeles Lakers')?.kind).toBe('organization');
    expect(e.find(x => x.name === 'Apple AirPods' && x.kind === 'person')).toBeUndefined();
    expect(get('Mr. Trump spoke, then Trump left.', 'Mr. Trump')?.mentions).toBe(2);
  });
  it('splits a place before a two-word name off the name', () => {
    const t = 'Former U.S. envoy to Ukraine Kurt Volker testified. Volker said little.';
    expect(get(t, 'Kurt Volker')?.kind).toBe('person');
    expect(get(t, 'Ukraine')?.kind).toBe('place');
    expect(ents(t).find(e => e.name.includes('Ukraine Kurt'))).toBeUndefined();
  });
  it('drops the function words that open or close a run in German and French pages, by their language', () => {
    // German capitalises "Sie" and every noun, so a verb + "Sie" or "Am" + noun looks like a name in English terms.
    const de =
      'Reservieren Sie früh, sagt Robert Weil. Sie können auch spontan kommen. Zum Beispiel am Abend, wenn Weil kocht. ' +
      'Das Beispiel zeigt es. Am Schluss lacht Weil. Der Schluss ist offen.';
    expect(extractEntities(de, { lang: 'de' }).map(e => e.name)).toEqual(['Robert Weil']);
    // Read as English, the same text yields the junk the language rule removes.
    expect(ents(de).map(e => e.name)).toEqual(expect.arrayContaining(['Reservieren Sie', 'Am Schluss']));
    const fr =
      'Selon Marie Dupont, la ville change. Dans Le Monde, Jean Martin écrit que Dupont a raison. Selon Martin, tout va bien.';
    const names = extractEntities(fr, { lang: 'fr-FR' }).map(e => e.name);
    expect(names).toEqual(expect.arrayContaining(['Marie Dupont', 'Jean Martin']));
    expect(names.some(n => /^(Selon|Dans)\b/.test(n))).toBe(false);
  });
  it('ends a name at a line break (table cells, list items)', () => {
    const e = ents('Rates were set by the Bank of England\nJohn Smith said the rise was due.');
    expect(e.map(x => [x.name, x.kind])).toEqual(
      expect.arrayContaining([
        ['John Smith', 'person'],
        ['Bank of England', 'organization'],
      ]),
    );
    expect(e.find(x => x.name.includes('England John'))).toBeUndefined();
    // German noun runs across table cells, and nouns after an article, are not people.
    const de =
      'Leasing\nFinanzierung\nFahrzeug\nDas Thema Existenzgründungsprämie greifen wir auf. Eine Existenzgründungsprämie hilft.';
    expect(extractEntities(de, { lang: 'de' })).toEqual([]);
  });
});
