// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBody } from '../../src/analysis/body/index';
import { summarize } from '../../src/analysis/summary';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/pages/nato-patriot/index.html');
const TITLE =
  'NATO-Ukraine Defense Contact Group Meeting: Focus on Patriot Air Defense Systems and the Direction of Regional Situation';

describe('summarize', () => {
  const doc = new DOMParser().parseFromString(readFileSync(FIXTURE, 'utf8'), 'text/html');
  const body = extractBody(doc, { title: TITLE });

  it('picks 3 to 5 sentences of the main text, in document order, with exact offsets', () => {
    const s = summarize(body.text, { title: TITLE, blocks: body.blocks });
    expect(s.length).toBeGreaterThanOrEqual(3);
    expect(s.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < s.length; i++) expect(s[i]!.start).toBeGreaterThan(s[i - 1]!.start);
    for (const x of s) expect(body.text.slice(x.start, x.end)).toBe(x.text);
    // The lead names the meeting and its subject: it belongs in the summary.
    expect(s[0]!.text).toMatch(/^On July 21st local time/);
  });

  it('prefers sentences that carry figures when given', () => {
    const i = body.text.indexOf('4 million');
    const without = summarize(body.text, { title: TITLE, blocks: body.blocks, max: 5 });
    expect(without.some(x => x.text.includes('4 million'))).toBe(false);
    const withFig = summarize(body.text, {
      title: TITLE,
      blocks: body.blocks,
      max: 5,
      figures: [
        {
          text: '4 million',
          start: i,
          end: i + 9,
          value: 4e6,
          unit: 'USD',
          kind: 'money',
          approx: 'lte',
          counted: '',
          sentence: '',
          score: 5,
          key: true,
        },
      ],
    });
    expect(withFig.some(x => x.text.includes('4 million'))).toBe(true);
  });

  it('is empty for empty text and short for short text', () => {
    expect(summarize('')).toEqual([]);
    const two = 'The council met on Monday to discuss the budget. It approved the plan after a long debate.';
    expect(summarize(two).map(x => x.text)).toEqual([
      'The council met on Monday to discuss the budget.',
      'It approved the plan after a long debate.',
    ]);
  });

  it('never repeats a near-duplicate sentence', () => {
    const para =
      'The city council approved the new budget on Monday evening. ' +
      'The city council approved the new budget on Monday evening! ' +
      'Opposition members criticised the spending on roads and bridges. ' +
      'The mayor said the plan would create hundreds of jobs next year. ' +
      'Residents can comment on the plan until the end of the month.';
    const s = summarize(para, { max: 4 }).map(x => x.text);
    expect(s.filter(x => x.startsWith('The city council approved')).length).toBe(1);
  });
});
