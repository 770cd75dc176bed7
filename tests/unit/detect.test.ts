// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/analysis/detect';
import { urlShape } from '../../src/analysis/detect/signals';

const FIX = path.resolve(__dirname, '../fixtures');
const load = (rel: string): Document =>
  new DOMParser().parseFromString(readFileSync(path.join(FIX, rel), 'utf8'), 'text/html');

describe('detect', () => {
  it('calls the sample article an article, with reasons, without touching the page', () => {
    const doc = load('pages/nato-patriot/index.html');
    const before = doc.documentElement.outerHTML;
    const r = detect(doc, 'https://news.example.org/europe/2025/07/21/nato-ukraine-patriot-air-defense.html');
    expect(r.isArticle).toBe(true);
    expect(r.score).toBeGreaterThan(0.9);
    expect(r.reasons.join('\n')).toMatch(/JSON-LD newsarticle/i);
    expect(r.reasons.join('\n')).toMatch(/words of paragraph text/);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it.each([
    ['metadata/home-teasers.html', 'https://courier.example/'],
    ['metadata/search-results.html', 'https://zeitung.example/suche?q=Klima'],
    ['metadata/product.html', 'https://shoes.example/shoes/trail-runner-2'],
    ['metadata/login.html', 'https://app.example/login'],
  ])('rejects %s', (file, url) => {
    const r = detect(load(file), url);
    expect(r.isArticle).toBe(false);
    expect(r.score).toBeLessThan(0.5);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it('the home page is rejected on its content, not only its URL', () => {
    expect(detect(load('metadata/home-teasers.html'), 'https://courier.example/front').isArticle).toBe(false);
  });

  it('never throws: empty, frameset, a deep DOM and a bad URL', () => {
    const empty = new DOMParser().parseFromString('', 'text/html');
    expect(detect(empty, 'https://x.example/').isArticle).toBe(false);
    const frames = new DOMParser().parseFromString('<frameset><frame src="a"></frameset>', 'text/html');
    expect(() => detect(frames, 'not a url')).not.toThrow();
    // 500 deep: jsdom itself (parser, attach) is quadratic or recursive in depth; our walk is iterative.
    const deep = new DOMParser().parseFromString('<p>x</p>', 'text/html');
    let el: Element = deep.body;
    for (let i = 0; i < 500; i++) el = el.appendChild(deep.createElement('div'));
    el.textContent = 'deep text '.repeat(50);
    const r = detect(deep, 'https://x.example/a');
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
  });
});

describe('urlShape', () => {
  it('reads dates, slugs, roots and listing paths', () => {
    expect(urlShape('https://x.example/').root).toBe(true);
    expect(urlShape('https://x.example/2025/07/21/some-story').date).toBe(true);
    expect(urlShape('https://x.example/news/a-long-headline-slug-here').slug).toBe(true);
    expect(urlShape('https://x.example/tag/climate').negative).toBe('tag');
    expect(urlShape('https://x.example/find?q=climate').negative).toBe('q');
    expect(urlShape('https://x.example/news/story?page=2').negative).toBeNull();
  });

  it('knows legal and policy pages by their last path segment only', () => {
    expect(urlShape('https://x.example/en/service/terms/').legal).toBe(true);
    expect(urlShape('https://x.example/privacy-policy.html').legal).toBe(true);
    expect(urlShape('https://x.example/de/datenschutz').legal).toBe(true);
    // A story filed under a privacy section is still a story.
    expect(urlShape('https://x.example/privacy/2025/07/21/new-rules-for-data-brokers').legal).toBe(false);
  });
});
