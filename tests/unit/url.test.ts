import { describe, expect, it } from 'vitest';
import { normalizePageUrl, siteOf, tryNormalizePageUrl } from '../../src/shared/url';

describe('normalizePageUrl', () => {
  const cases: [string, string][] = [
    ['https://Example.ORG/News/Story#comments', 'https://example.org/News/Story'],
    ['https://example.org:443/a', 'https://example.org/a'],
    ['http://example.org:80/a', 'http://example.org/a'],
    ['http://example.org:8080/a', 'http://example.org:8080/a'],
    [
      'https://example.org/a?utm_source=x&utm_medium=y&fbclid=1&gclid=2&mc_cid=3&mc_eid=4',
      'https://example.org/a',
    ],
    ['https://example.org/a?id=5&utm_campaign=z', 'https://example.org/a?id=5'],
    ['https://example.org/a?b=2&a=1&c=3', 'https://example.org/a?a=1&b=2&c=3'],
    ['https://example.org/a?', 'https://example.org/a'],
    ['https://example.org/a?page=2&page=1', 'https://example.org/a?page=2&page=1'],
    ['https://user:pass@example.org/a', 'https://example.org/a'],
    ['  https://example.org/a  ', 'https://example.org/a'],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org/a?q=hello%20world', 'https://example.org/a?q=hello+world'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} -> ${expected}`, () => {
      expect(normalizePageUrl(input)).toBe(expected);
      expect(normalizePageUrl(expected)).toBe(expected);
    });
  }

  it('refuses non-web URLs', () => {
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings', 'not a url', '']) {
      expect(() => normalizePageUrl(bad)).toThrow();
      expect(tryNormalizePageUrl(bad)).toBeNull();
    }
    expect(tryNormalizePageUrl(42)).toBeNull();
  });

  it('names the site without www', () => {
    expect(siteOf('https://www.example.org/x')).toBe('example.org');
    expect(siteOf('nope')).toBe('');
  });
});
