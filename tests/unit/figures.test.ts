import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/analysis/figures/index';
import type { Figure } from '../../src/analysis/types';

const figs = (text: string, lang = 'en'): Figure[] => extractFigures(text, { lang });
const one = (text: string, lang = 'en'): Figure => {
  const f = figs(text, lang);
  expect(f, JSON.stringify(f.map(x => x.text))).toHaveLength(1);
  return f[0]!;
};
const pick = (f: Figure) => ({ text: f.text, kind: f.kind, value: f.value, unit: f.unit, approx: f.approx });

describe('numbers by page language', () => {
  it('reads 1,234.5 on English pages', () => {
    expect(pick(one('It cost $1,234.5 in all.'))).toMatchObject({ value: 1234.5, unit: 'USD' });
  });
  it('reads 1.234,5 and 1 234,5 on German and French pages', () => {
    expect(one('Es kostete 1.234,5 Euro.', 'de')).toMatchObject({
      value: 1234.5,
      unit: 'EUR',
      kind: 'money',
    });
    expect(one('Il a coûté 1 234,5 euros.', 'fr')).toMatchObject({ value: 1234.5, unit: 'EUR' });
    expect(one('Le taux est de 2,5 %.', 'fr')).toMatchObject({ value: 2.5, unit: '%', kind: 'percent' });
    expect(one('Le groupe a réalisé 2,4 milliards d’euros.', 'fr')).toMatchObject({
      value: 2.4e9,
      unit: 'EUR',
    });
    expect(one('Rund 1.200 Stellen fallen weg.', 'de')).toMatchObject({
      value: 1200,
      approx: 'approx',
      text: 'Rund 1.200',
    });
  });
  it('applies scale words and abbreviations', () => {
    expect(one('Revenue was $2.8 billion.').value).toBe(2.8e9);
    expect(one('It raised €1.2bn.').value).toBe(1.2e9);
    expect(one('A £4m deal.').value).toBe(4e6);
    expect(one('They earn $50k a year.').value).toBe(50000);
    expect(one('It shipped 2.5m tonnes.')).toMatchObject({ value: 2.5e6, unit: 't', kind: 'measure' });
    expect(one('a 4m wall')).toMatchObject({ value: 4, unit: 'm' });
    expect(one('Der Umsatz lag bei 3 Mrd. Euro.', 'de')).toMatchObject({
      value: 3e9,
      unit: 'EUR',
      text: '3 Mrd. Euro',
    });
    expect(one('Es waren 2,5 Mio. Euro.', 'de')).toMatchObject({ value: 2.5e6, unit: 'EUR' });
    expect(one('About 1.5 trillion yen was spent.')).toMatchObject({
      value: 1.5e12,
      unit: 'JPY',
      approx: 'approx',
    });
  });
  it('reads spelled-out numbers', () => {
    expect(one('They bought fifteen cars.')).toMatchObject({ value: 15, counted: 'cars' });
    expect(one('There were twenty-five boats.')).toMatchObject({ value: 25, counted: 'boats' });
    expect(one('She ate a dozen eggs.')).toMatchObject({ value: 12, counted: 'eggs' });
    expect(one('Two hundred and fifty thousand people came.').value).toBe(250000);
    expect(one('It cost a trillion dollars.')).toMatchObject({ value: 1e12, unit: 'USD' });
    expect(one('Some three trillion yen was spent.')).toMatchObject({
      value: 3e12,
      unit: 'JPY',
      approx: 'approx',
    });
    expect(one('A hundred people came.').value).toBe(100);
    expect(one('Half of the budget went.')).toMatchObject({ kind: 'ratio', value: 0.5 });
  });
});

describe('money', () => {
  it('knows currencies by symbol, code and name', () => {
    expect(one('It cost US$5 million.')).toMatchObject({ unit: 'USD', value: 5e6 });
    expect(one('each costing nearly 4 million U.S. dollars.')).toMatchObject({
      text: 'nearly 4 million U.S. dollars',
      unit: 'USD',
      approx: 'lte',
      value: 4e6,
    });
    expect(one('a fine of 300 euros')).toMatchObject({ unit: 'EUR', value: 300 });
    expect(one('worth 2 billion yuan')).toMatchObject({ unit: 'CNY', value: 2e9 });
    expect(one('paid 500 million rubles')).toMatchObject({ unit: 'RUB' });
    expect(one('sold for £30 in total')).toMatchObject({ unit: 'GBP' });
    expect(one('priced at ¥1,000')).toMatchObject({ unit: 'JPY', value: 1000 });
    expect(one('The bill was EUR 300.')).toMatchObject({ unit: 'EUR', value: 300 });
    expect(one('It cost 10 million pounds, paid in sterling.')).toMatchObject({ unit: 'GBP', value: 1e7 });
  });
  it('reads money ranges with a shared scale and currency', () => {
    expect(one('between 14 million and 16 million euros')).toMatchObject({
      text: 'between 14 million and 16 million euros',
      value: [14e6, 16e6],
      unit: 'EUR',
    });
    expect(one('a $10-12 billion deal')).toMatchObject({ value: [10e9, 12e9], unit: 'USD' });
  });
});

describe('percent, bounds and their traps', () => {
  it('reads percent, percentage points and basis points', () => {
    expect(one('up 3.5 percent')).toMatchObject({ unit: '%', value: 3.5 });
    expect(one('a rise of 2 percentage points')).toMatchObject({ unit: 'pp', value: 2 });
    expect(one('cut by 100 basis points')).toMatchObject({ unit: 'bp', value: 100 });
    expect(one('a 10-12% rise')).toMatchObject({ value: [10, 12], unit: '%' });
  });
  it('reads bounds', () => {
    expect(one('more than 30,000 jobs')).toMatchObject({ approx: 'gt', value: 30000, counted: 'jobs' });
    expect(one('at least 5 people')).toMatchObject({ approx: 'gte', text: 'at least 5' });
    expect(one('up to 20 drones')).toMatchObject({ approx: 'lte' });
    expect(one('fewer than 10 ships')).toMatchObject({ approx: 'lt' });
    expect(one('roughly 200 soldiers')).toMatchObject({ approx: 'approx' });
    expect(one('within 50 days')).toMatchObject({ approx: 'lte', kind: 'duration', unit: 'day', value: 50 });
    expect(one('some 300 people')).toMatchObject({ approx: 'approx', text: 'some 300' });
    expect(one('almost 40 percent')).toMatchObject({ approx: 'lte' });
    expect(one('around 12 tanks')).toMatchObject({ approx: 'approx' });
  });
  it('does not read directions and prepositions as bounds', () => {
    expect(figs('Inflation edged up to 4.1%.')[0]).toMatchObject({ text: '4.1%', approx: 'eq' });
    expect(one('The race went over 21 stages.')).toMatchObject({
      text: '21',
      approx: 'eq',
      counted: 'stages',
    });
    expect(one('It ran for over 30 years.')).toMatchObject({ approx: 'gt' });
    // Regular "-ed" verbs and the irregular ones listed both make a direction.
    expect(figs('Shares jumped up to 7%.')[0]).toMatchObject({ text: '7%', approx: 'eq' });
    expect(figs('Prices rose over 5% last year.')[0]).toMatchObject({ text: '5%', approx: 'eq' });
    expect(one('Costs were up to 7% higher.')).toMatchObject({ approx: 'lte' });
  });
});

describe('ranges, adjectives, scores, ratios, ordinals', () => {
  it('reads "14 to 16 million" with the shared scale', () => {
    expect(one('14 to 16 million people')).toMatchObject({ value: [14e6, 16e6], counted: 'people' });
  });
  it('reads hyphenated adjectives', () => {
    expect(one('a 50-day ultimatum')).toMatchObject({
      kind: 'duration',
      unit: 'day',
      value: 50,
      counted: 'ultimatum',
    });
    expect(one('a 400-kilometre barrier')).toMatchObject({ kind: 'measure', unit: 'km', counted: 'barrier' });
  });
  it('reads scores', () => {
    expect(one('Senators voted 92 to 58.')).toMatchObject({ kind: 'score', value: [92, 58] });
    expect(one('The Wild won 4-1 on Tuesday.')).toMatchObject({ kind: 'score', value: [4, 1] });
    expect(
      figs('Haase defeated Bublik 7-5, 3-6, 7-6 (5).')
        .filter(f => f.kind === 'score')
        .map(f => f.text),
    ).toEqual(['7-5', '3-6', '7-6']);
  });
  it('reads ratios', () => {
    expect(one('Two-thirds of voters agreed.')).toMatchObject({
      kind: 'ratio',
      value: 0.6667,
      counted: 'voters',
    });
    expect(one('1 in 5 Americans')).toMatchObject({ kind: 'ratio', value: 0.2 });
    expect(one('one in five adults')).toMatchObject({ kind: 'ratio', value: 0.2 });
  });
  it('reads ordinals', () => {
    expect(one('the third consecutive month')).toMatchObject({ kind: 'ordinal', value: 3 });
    expect(one('They finished 14th.')).toMatchObject({ kind: 'ordinal', value: 14 });
  });
  it('reads measures', () => {
    expect(one('21.3 million barrels of oil')).toMatchObject({
      kind: 'measure',
      unit: 'bbl',
      value: 21.3e6,
      counted: 'oil',
    });
    expect(one('a 100 MW plant')).toMatchObject({ unit: 'MW' });
    expect(one('speeds of 70 mph')).toMatchObject({ unit: 'mph' });
  });
});

describe('dates, years and times', () => {
  it('reads dates', () => {
    expect(one('on July 14th')).toMatchObject({ kind: 'date', value: '--07-14', text: 'July 14th' });
    expect(one('on Jan. 5, 2024')).toMatchObject({ value: '2024-01-05', text: 'Jan. 5, 2024' });
    expect(one('on 2024-01-05')).toMatchObject({ value: '2024-01-05' });
    expect(one('on 5 January 2024')).toMatchObject({ value: '2024-01-05' });
    expect(one('in June 2026')).toMatchObject({ value: '2026-06' });
    expect(one('in July')).toMatchObject({ value: '--07', text: 'July' });
  });
  it('reads years and times', () => {
    expect(one('by 2027')).toMatchObject({ kind: 'year', value: 2027 });
    expect(one('at 10:18 a.m.')).toMatchObject({ kind: 'time', value: '10:18' });
    expect(one('at 5:45 p.m. ET')).toMatchObject({ kind: 'time', value: '17:45' });
    expect(one('the 2022/23 season')).toMatchObject({ kind: 'year', value: [2022, 2023] });
  });
});

describe('not figures', () => {
  it('skips digits in names and codes', () => {
    expect(figs('The F-16 and COVID-19, G7 leaders, Section 230, Windows 11 and an iPhone 15.')).toEqual([]);
    expect(figs('A Boeing 787-9 and the S&P 500 index.')).toEqual([]);
  });
  it('skips phone numbers, URLs and page chrome', () => {
    expect(figs('Call 555-123-4567 or +44 20 7946 0958, see https://example.com/a/123.')).toEqual([]);
    expect(figs('views:48')).toEqual([]);
    expect(figs('3 min read')).toEqual([]);
    expect(figs('Photo 1 of 12')).toEqual([]);
  });
  it('gives vague amounts no number', () => {
    expect(figs('Several people and a few others; dozens of homes and hundreds of cars.')).toEqual([]);
  });
  it('treats "one" as a determiner unless it counts', () => {
    expect(figs('One large bank said so.')).toEqual([]);
    expect(figs('15 systems, one of which is broken').map(f => f.text)).toEqual(['15', 'one']);
  });
});

describe('contract', () => {
  it('slices back, sorts and never overlaps', () => {
    const text = 'On July 14th, 3 sets cost $4m; 10-12% rose; voted 92 to 58; F-16s; some 300 people.';
    const f = figs(text);
    let end = 0;
    for (const x of f) {
      expect(text.slice(x.start, x.end)).toBe(x.text);
      expect(x.start).toBeGreaterThanOrEqual(end);
      end = x.end;
    }
  });
  it('marks at most 10 key figures', () => {
    const text = Array.from(
      { length: 40 },
      (_, k) => `The firm sold ${k + 2} million cars for $${k + 3} billion.`,
    ).join(' ');
    expect(figs(text).filter(f => f.key).length).toBeLessThanOrEqual(10);
  });
  it('ranks caption and short blocks down', () => {
    const text = 'The ministry bought 40 tanks for the army this year, officials said on Monday.\n\n40 tanks';
    const f = extractFigures(text, {
      lang: 'en',
      blocks: [
        { start: 0, end: 80, kind: 'paragraph' },
        { start: 82, end: 90, kind: 'caption' },
      ],
    });
    expect(f[0]!.score).toBeGreaterThan(f[1]!.score);
  });
});

describe('figures as German, French and Spanish pages write them', () => {
  it('reads a currency symbol after the number as money', () => {
    expect(pick(one('Landwirte sollen bis zu 70.000 € Förderung erhalten.', 'de'))).toMatchObject({
      kind: 'money',
      value: 70000,
      unit: 'EUR',
    });
    expect(pick(one('Le billet coûte 12,50 €.', 'fr'))).toMatchObject({
      kind: 'money',
      value: 12.5,
      unit: 'EUR',
    });
    // A symbol that opens the next amount stays with it.
    expect(figs('5 $10 bills').map(f => [f.text, f.unit])).toEqual([
      ['5', ''],
      ['$10', 'USD'],
    ]);
  });

  it('reads clock times written "20 Uhr", "20.30 Uhr" and "20h15" as times, not counts', () => {
    expect(figs('Einlass um 19 Uhr, Beginn um 20.30 Uhr.', 'de').map(f => [f.kind, f.value])).toEqual([
      ['time', '19:00'],
      ['time', '20:30'],
    ]);
    expect(pick(one('Le train part à 20h15.', 'fr'))).toMatchObject({ kind: 'time', value: '20:15' });
  });

  it('does not take a short word ending in "s" ("als", "des") for the plural a year counts', () => {
    expect(pick(one('Das Haus ist 1945 als Ruine stehen geblieben.', 'de'))).toMatchObject({ kind: 'year' });
    expect(pick(one('The firm hired 2000 engineers.'))).toMatchObject({ kind: 'count', value: 2000 });
  });
});
