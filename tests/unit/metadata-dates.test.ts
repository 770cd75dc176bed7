import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/analysis/metadata/dates';

describe('parseDate', () => {
  it.each([
    ['2025-07-21T10:18:00+08:00', '2025-07-21T10:18:00+08:00'],
    ['2025-07-21T10:18:00+0800', '2025-07-21T10:18:00+08:00'],
    ['2024-04-20T04:20:00.000Z', '2024-04-20T04:20:00Z'],
    ['2019-04-28 06:01:07', '2019-04-28T06:01:07'],
    ['2025-07-21', '2025-07-21'],
    ['2025/07/21', '2025-07-21'],
    ['Mon, 21 Jul 2025 10:18:00 +0800', '2025-07-21T10:18:00+08:00'],
    ['Mon, 21 Jul 2025 10:18:00 GMT', '2025-07-21T10:18:00Z'],
  ])('machine date %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each([
    ['July 21, 2025, 10:18 a.m.', '2025-07-21T10:18:00'],
    ['July 21, 2025, 10:18 p.m.', '2025-07-21T22:18:00'],
    ['Updated: Jul. 21, 2025 at 6:01 am EDT', '2025-07-21T06:01:00-04:00'],
    ['21 July 2025', '2025-07-21'],
    ['Published 21st July 2025', '2025-07-21'],
    ['21. Juli 2025', '2025-07-21'],
    ['21. Juli 2025, 10:18 Uhr', '2025-07-21T10:18:00'],
    ['Veröffentlicht am 3. März 2024 um 9.05 Uhr', '2024-03-03T09:05:00'],
    ['21 juillet 2025', '2025-07-21'],
    ['Publié le 21 juillet 2025 à 10h18', '2025-07-21T10:18:00'],
    ['1er août 2023', '2023-08-01'],
    ['21 de julio de 2025', '2025-07-21'],
    ['21 de julio de 2025 - 10:18 h', '2025-07-21T10:18:00'],
    ['21.07.2025', '2025-07-21'],
    ['21.07.2025 10:18', '2025-07-21T10:18:00'],
    ['10:18 AM EDT, Mon July 21, 2025', '2025-07-21T10:18:00-04:00'],
  ])('visible dateline %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it('reads slashed dates day-first unless the page is English', () => {
    expect(parseDate('07/08/2025', { lang: 'fr' })).toBe('2025-08-07');
    expect(parseDate('07/08/2025', { lang: 'en' })).toBe('2025-07-08');
    expect(parseDate('21/07/2025', { lang: 'en' })).toBe('2025-07-21');
  });

  it.each([
    '3 hours ago',
    'vor 2 Stunden',
    'il y a 5 minutes',
    'hace 3 días',
    'yesterday',
    '',
    'Posted in News',
    '2025-13-40',
    'February 30, 2025',
  ])('ignores %j', raw => {
    expect(parseDate(raw)).toBeNull();
  });

  it('takes epoch seconds and milliseconds as UTC', () => {
    expect(parseDate('1753064280')).toBe('2025-07-21T02:18:00Z');
    expect(parseDate('1753064280000')).toBe('2025-07-21T02:18:00Z');
  });
});
