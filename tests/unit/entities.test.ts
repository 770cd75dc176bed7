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
});
