// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMetadata, localise } from '../../src/analysis/metadata/index';

const SAMPLE = path.resolve(__dirname, '../fixtures/pages/nato-patriot/index.html');
const SAMPLE_URL = 'https://news.example.org/europe/2025/07/21/nato-ukraine-patriot-air-defense.html';

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('extractMetadata on the sample article', () => {
  const doc = page(readFileSync(SAMPLE, 'utf8'));
  const before = doc.documentElement.outerHTML;
  const m = extractMetadata(doc, SAMPLE_URL);
  it('reads every field', () => {
    expect(m.title).toBe(
      'NATO-Ukraine Defense Contact Group Meeting: Focus on Patriot Air Defense Systems and the Direction of Regional Situation',
    );
    expect(m.authors).toEqual([]);
    expect(m.published?.startsWith('2025-07-21T10:18')).toBe(true);
    expect(m.section).toBe('Europe');
    expect(m.siteName).toBe('Global Times Daily');
    expect(m.lang).toBe('en');
    expect(m.canonicalUrl).toBe(SAMPLE_URL);
    expect(m.image).toBe('https://news.example.org/europe/2025/07/21/patriot.svg');
    expect(m.description).toMatch(/^On July 21st local time/);
  });
  it('does not touch the page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });
  it('falls back to the visible dateline without the metadata', () => {
    const bare = page(
      readFileSync(SAMPLE, 'utf8')
        .replace(/<meta property="article:published_time"[^>]*>/, '')
        .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, ''),
    );
    expect(extractMetadata(bare, 'https://news.example.org/x').published).toBe('2025-07-21T10:18:00');
  });
});

describe('other sources', () => {
  it('reads Dublin Core, citation_* and content-language', () => {
    const m = extractMetadata(
      page(`<html><head><meta http-equiv="content-language" content="de-DE"><meta name="DC.title" content="Ein Titel">
      <meta name="citation_author" content="Schmidt, Anna"><meta name="citation_author" content="Weber, Jens">
      <meta name="DC.date.issued" content="2023-11-08"><meta name="DC.publisher" content="Verlag X"></head><body></body></html>`),
      'https://x.example/a',
    );
    expect(m.title).toBe('Ein Titel');
    expect(m.lang).toBe('de');
    expect(m.published).toBe('2023-11-08');
    expect(m.authors.length).toBeGreaterThan(0);
  });

  it('reads a meta that carries its text in `value` instead of `content`', () => {
    const m = extractMetadata(
      page(`<html><head><meta value="Sub-nucleosomal organization in urine cell-free DNA" name=citation_title>
      <meta value="Havell Markus" name=citation_author><meta value=2019/07/11 name=citation_publication_date>
      <meta property="og:site_name" content="bioRxiv" value="ignored"></head><body></body></html>`),
      'https://x.example/content/10.1101/696633v1',
    );
    expect(m.title).toBe('Sub-nucleosomal organization in urine cell-free DNA');
    expect(m.authors).toEqual(['Havell Markus']);
    expect(m.published).toBe('2019-07-11');
    expect(m.siteName).toBe('bioRxiv');
  });

  it('reads parsely and sailthru tags', () => {
    const m = extractMetadata(
      page(`<html lang="en-GB"><head><meta name="parsely-title" content="Parsely headline"><meta name="parsely-author" content="Jane Doe">
      <meta name="parsely-author" content="John Roe"><meta name="parsely-pub-date" content="2024-04-20T04:20:00.000Z"></head><body></body></html>`),
      'https://x.example/a',
    );
    expect(m).toMatchObject({
      title: 'Parsely headline',
      authors: ['Jane Doe', 'John Roe'],
      published: '2024-04-20T04:20:00Z',
      lang: 'en',
    });
  });

  it('reads microdata, og:locale and a visible German byline and dateline', () => {
    const m = extractMetadata(
      page(`<html><head><meta property="og:locale" content="de_DE"><title>Hund vertreibt Einbrecher – Lokalzeitung</title></head><body>
      <nav><a href="/">Start</a></nav><article><h1>Hund vertreibt Einbrecher</h1>
      <p class="byline">Von Anna Schmidt und Jens Weber</p><span class="datum">1. November 2023, 14:30 Uhr</span>
      <p>Ein Hund hat in der Nacht einen Einbrecher vertrieben.</p></article>
      <aside class="related"><span class="date">2. November 2023</span></aside></body></html>`),
      'https://lokal.example/a',
    );
    expect(m).toMatchObject({
      title: 'Hund vertreibt Einbrecher',
      authors: ['Anna Schmidt', 'Jens Weber'],
      published: '2023-11-01T14:30:00',
      lang: 'de',
    });
  });

  it('reads rel=author links and <time datetime> in a French page', () => {
    const m = extractMetadata(
      page(`<html lang="fr"><head><title>Turpitude et architecture</title></head><body><h1>Turpitude et architecture</h1>
      <div class="meta">Par <a rel="author" href="/auteur/roy">Didier Roy</a> et <a rel="author" href="/auteur/x">Claire Dubois</a>,
      <time datetime="2018-06-21T09:00:00+02:00">21 juin 2018</time></div><p>Texte.</p></body></html>`),
      'https://blog.example.fr/turpitude',
    );
    expect(m.authors).toEqual(['Didier Roy', 'Claire Dubois']);
    expect(m.published).toBe('2018-06-21T09:00:00+02:00');
    expect(m.lang).toBe('fr');
  });

  it('never returns URLs as authors and falls back to the URL date', () => {
    const m = extractMetadata(
      page(
        `<html><head><meta property="article:author" content="https://www.facebook.com/someone"></head><body><p>x</p></body></html>`,
      ),
      'https://x.example/2021/11/03/story/',
    );
    expect(m.authors).toEqual([]);
    expect(m.published).toBe('2021-11-03');
  });

  it('never throws on empty or odd documents', () => {
    expect(extractMetadata(page(''), 'not a url').title).toBeNull();
    const frameset = page('<html><frameset><frame src="a.html"></frameset></html>');
    expect(() => extractMetadata(frameset, 'https://x.example/')).not.toThrow();
  });
});

describe('dates', () => {
  it('keeps the page offset: a UTC stamp restated in the wall-clock time the page shows', () => {
    expect(localise('2019-11-19T01:19:34Z', '2019-11-18T20:19:00')).toBe('2019-11-18T20:19:34-05:00');
    expect(localise('2019-11-20T02:59:46Z', '2019-11-19T20:59:46')).toBe('2019-11-19T20:59:46-06:00');
    expect(localise('2019-11-20T02:59:46Z', '2019-11-19T21:13:00')).toBe('2019-11-20T02:59:46Z');
    expect(localise('2019-11-20T02:59:46Z', '2019-11-19')).toBe('2019-11-20T02:59:46Z');
    expect(localise('2019-11-20T02:59:46Z', null)).toBe('2019-11-20T02:59:46Z');
  });

  it('prefers the local published time over a UTC dateCreated and a clear dateline over a generic date meta', () => {
    const m = extractMetadata(
      page(`<html><head><meta property="article:published_time" content="2017-02-23T17:18:13-08:00">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","dateCreated":"2017-02-24T01:18:13Z"}</script>
      </head><body><h1>H</h1></body></html>`),
      'https://x.example/a',
    );
    expect(m.published).toBe('2017-02-23T17:18:13-08:00');
    const g = extractMetadata(
      page(`<html><head><meta name="Date" content="2022-1-26T14:32:06+02:00"></head><body><h1>Schuh im Test</h1>
      <div class="meta"><time datetime="2022-01-21" class="meta__label">21.01.2022 - 13:30</time></div><p>Text</p></body></html>`),
      'https://x.example/b',
    );
    expect(g.published).toBe('2022-01-21');
  });

  it('does not take an article-wide "status-publish" class for a dateline', () => {
    const m = extractMetadata(
      page(`<html lang="de"><body><article class="post status-publish"><h1>Hund vertreibt Einbrecher</h1>
      <p>Am 31.10.2023, gegen 23:40 Uhr, kam es zu einem Einbruch.</p>
      <span class="posted-on"><time class="entry-date published" datetime="2023-11-01T08:16:57+01:00">1. November 2023</time></span></article></body></html>`),
      'https://x.example/c',
    );
    expect(m.published).toBe('2023-11-01T08:16:57+01:00');
  });
});

describe('extractMetadataSteps', () => {
  it('offers to pause on a long page and gives the same result as extractMetadata', async () => {
    const { extractMetadataSteps } = await import('../../src/analysis/metadata/index');
    const filler = Array.from({ length: 1500 }, (_, i) => `<span>w${i}</span>`).join('');
    const doc =
      page(`<html lang="en"><head><title>A headline here - Site</title></head><body><h1>A headline here</h1>
      <p class="byline">By Jane Doe</p><time datetime="2024-05-02T08:00:00+02:00">2 May 2024</time><div>${filler}</div></body></html>`);
    const steps = extractMetadataSteps(doc, 'https://x.example/a');
    let pauses = 0;
    let r = steps.next();
    while (!r.done) {
      pauses++;
      r = steps.next();
    }
    expect(pauses).toBeGreaterThan(2);
    expect(r.value).toEqual(extractMetadata(doc, 'https://x.example/a'));
    expect(r.value).toMatchObject({
      title: 'A headline here',
      authors: ['Jane Doe'],
      published: '2024-05-02T08:00:00+02:00',
    });
  });
});
