import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/analysis/sentences';

const texts = (s: string): string[] => splitSentences(s).map(x => x.text);

describe('splitSentences', () => {
  it('keeps abbreviations, titles, months and initials inside the sentence', () => {
    expect(
      texts('Gen. Mark Milley met Mr. Smith and Dr. Jones on Jan. 5 in Washington. They talked.'),
    ).toEqual(['Gen. Mark Milley met Mr. Smith and Dr. Jones on Jan. 5 in Washington.', 'They talked.']);
    expect(texts('The book by J. K. Rowling sold well. Sales rose.')).toEqual([
      'The book by J. K. Rowling sold well.',
      'Sales rose.',
    ]);
  });

  it('keeps dotted acronyms ("U.S.", "U.K.") inside the sentence', () => {
    expect(texts('The U.S. Army has 15 systems. The U.K. Ministry has none.')).toEqual([
      'The U.S. Army has 15 systems.',
      'The U.K. Ministry has none.',
    ]);
  });

  it('does not split decimals, versions or domains', () => {
    expect(texts('Prices rose 3.5% to $4.20 on example.com. Then they fell.')).toEqual([
      'Prices rose 3.5% to $4.20 on example.com.',
      'Then they fell.',
    ]);
  });

  it('handles ellipses: a new sentence after one, none before a lower-case word', () => {
    expect(texts('He waited... and waited. Nothing came... Then it rained.')).toEqual([
      'He waited... and waited.',
      'Nothing came...',
      'Then it rained.',
    ]);
  });

  it('ends a sentence after closing quotes and brackets', () => {
    expect(
      texts('He said: "It will be delivered within days." The minister agreed (reluctantly.) Done!'),
    ).toEqual([
      'He said: "It will be delivered within days."',
      'The minister agreed (reluctantly.)',
      'Done!',
    ]);
    expect(texts('“Is it over?” she asked. «Oui.» Il part.')).toEqual([
      '“Is it over?” she asked.',
      '«Oui.»',
      'Il part.',
    ]);
  });

  it('splits at paragraph breaks and CJK stops, and reports exact offsets', () => {
    const text = 'A heading without stop\n\n東京は晴れです。明日は雨です。\n\nLast one.';
    const spans = splitSentences(text);
    expect(spans.map(s => s.text)).toEqual([
      'A heading without stop',
      '東京は晴れです。',
      '明日は雨です。',
      'Last one.',
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});
