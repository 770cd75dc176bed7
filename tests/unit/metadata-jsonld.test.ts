// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/analysis/metadata/index';
import { articleNode, readJsonLd } from '../../src/analysis/metadata/jsonld';

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(
    `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );
}
const ld = (json: string): string => `<script type="application/ld+json">${json}</script>`;
const URL_ = 'https://news.example.com/world/2025/07/21/story.html';

describe('JSON-LD', () => {
  it('finds the article inside @graph and resolves @id authors and publisher', () => {
    const doc = page(
      ld(`{"@context":"https://schema.org","@graph":[
        {"@type":"WebSite","@id":"#site","name":"Example News"},
        {"@type":"Person","@id":"#jane","name":"Jane Doe"},
        {"@type":["NewsArticle","Article"],"headline":"Graph story","author":[{"@id":"#jane"},{"@type":"Person","name":"John Roe"}],
         "datePublished":"2025-07-21T10:18:00+02:00","publisher":{"@id":"#org"},"articleSection":["World","Europe"]},
        {"@type":"NewsMediaOrganization","@id":"#org","name":"Example News Ltd"}]}`),
    );
    const m = extractMetadata(doc, URL_);
    expect(m.title).toBe('Graph story');
    expect(m.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(m.published).toBe('2025-07-21T10:18:00+02:00');
    expect(m.siteName).toBe('Example News Ltd');
    expect(m.section).toBe('World');
  });

  it('reads arrays of nodes, array @type, author as a string and as an Organization', () => {
    const doc = page(
      ld(`[{"@type":"BreadcrumbList"},{"@type":["BlogPosting"],"headline":"Array story","author":"By Ann Poe and Bo Li",
        "datePublished":"2024-03-03"}]`),
    );
    const m = extractMetadata(doc, URL_);
    expect(m.title).toBe('Array story');
    expect(m.authors).toEqual(['Ann Poe', 'Bo Li']);
    expect(m.published).toBe('2024-03-03');
    const org = extractMetadata(
      page(
        ld(
          `{"@type":"NewsArticle","headline":"Wire story","author":{"@type":"Organization","name":"Reuters"}}`,
        ),
      ),
      URL_,
    );
    expect(org.authors).toEqual([]);
  });

  it('uses givenName/familyName and nested name objects', () => {
    const doc = page(
      ld(
        `{"@type":"Article","headline":"H","author":{"@type":"Person","givenName":"Jane","familyName":"Doe"}}`,
      ),
    );
    expect(extractMetadata(doc, URL_).authors).toEqual(['Jane Doe']);
  });

  it('survives malformed JSON-LD and still reads the good scripts', () => {
    const doc = page(
      ld(`{"@type":"NewsArticle", "headline": "Broken`) +
        ld(`<!-- {"@type":"NewsArticle","headline":"Commented","author":{"name":"Ann Poe"},} -->`) +
        ld(`not json at all`) +
        ld(`null`) +
        ld(`{"@graph": 5, "@type": 7}`) +
        ld(`{"@type":"NewsArticle","headline":"Line\nbreak story"}`),
    );
    expect(() => readJsonLd(doc)).not.toThrow();
    const m = extractMetadata(doc, URL_);
    expect(m.title).toBe('Commented');
    expect(m.authors).toEqual(['Ann Poe']);
  });

  it('takes the first article among several scripts and ignores listing types', () => {
    const doc = page(
      ld(`{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","headline":"Teaser"}]}`) +
        ld(`{"@type":"WebPage","mainEntity":{"@type":"ReportageNewsArticle","headline":"Main story"}}`),
    );
    expect(articleNode(readJsonLd(doc))?.['headline']).toBe('Main story');
  });
});
