import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/analysis/entities/index';
import { extractFigures } from '../../src/analysis/figures/index';

/** The sample article's main text: the body paragraphs between "image" and "Recommend". */
function sampleText(): string {
  const html = readFileSync(path.resolve(__dirname, '../fixtures/pages/nato-patriot/index.html'), 'utf8');
  const body = html.slice(html.indexOf('<p>'), html.indexOf('Recommend'));
  const paras = [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map(m =>
    m[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return paras.filter(p => p.length > 40).join('\n\n');
}

const TITLE =
  'NATO-Ukraine Defense Contact Group Meeting: Focus on Patriot Air Defense Systems and the Direction of Regional Situation';

describe('sample article (nato-patriot)', () => {
  const text = sampleText();
  const figs = extractFigures(text, { lang: 'en', title: TITLE });
  const key = figs.filter(f => f.key);
  const find = (re: RegExp, sentence: RegExp) => key.find(f => re.test(f.text) && sentence.test(f.sentence));

  it('reads the main text of the fixture', () => {
    expect(text).toMatch(/^On July 21st local time/);
    expect(text).toMatch(/continue to pay attention to the follow-up progress/);
  });

  it('marks the figures that carry the story as key', () => {
    const provided = find(/^3$/, /previously provided/);
    expect(provided?.counted).toMatch(/sets/);
    expect(find(/^15$/, /15 "Patriot" systems/)?.counted).toMatch(/Patriot systems/);
    expect(find(/^14$/, /only 14 available/)?.value).toBe(14);
    expect(find(/^3$/, /Indo-Pacific/)?.counted).toMatch(/sets/);
    expect(find(/^1$/, /1 set in Europe/)?.counted).toBe('set');
    const two = find(/^two$/, /Germany could purchase/);
    expect(two?.value).toBe(2);
    expect(two?.counted).toMatch(/sets of/);
    const money = key.find(f => f.kind === 'money');
    expect(money).toMatchObject({
      text: 'nearly 4 million U.S. dollars',
      value: 4000000,
      unit: 'USD',
      kind: 'money',
    });
    expect(['lte', 'approx']).toContain(money?.approx);
    expect(key.length).toBeLessThanOrEqual(10);
  });

  it('does not mark dates or the "one of which" as key', () => {
    expect(figs.find(f => f.text === 'July 14th')).toMatchObject({
      kind: 'date',
      value: '--07-14',
      key: false,
    });
    expect(figs.find(f => f.text === 'one')?.key).toBe(false);
  });

  it('finds the people with their roles and the organisations', () => {
    const ents = extractEntities(text, { lang: 'en', title: TITLE });
    const person = (n: string) => ents.find(e => e.kind === 'person' && e.name.includes(n));
    expect(person('Mark Rutte')?.role).toBe('NATO Secretary-General');
    expect(person('Trump')?.role).toMatch(/President/);
    expect(person('Boris Pistorius')?.role).toBe('German Defense Minister');
    expect(person('James Mingus')?.role).toBe('Vice Chief of Staff of the U.S. Army');
    const org = (n: string) => ents.find(e => e.kind === 'organization' && e.name === n);
    for (const n of ['NATO', 'U.S. Army', 'Pentagon', 'Lockheed Martin']) expect(org(n), n).toBeDefined();
    expect(ents.find(e => e.name === 'NATO')?.key).toBe(true);
    for (const n of ['Mark Rutte', 'Trump', 'Boris Pistorius', 'James Mingus'])
      expect(person(n)?.key, n).toBe(true);
  });
});
