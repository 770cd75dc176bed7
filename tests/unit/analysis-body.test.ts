// @vitest-environment jsdom
/**
 * Main text from the live DOM on the sample article: every body paragraph, no teasers, no
 * dateline or view counter; the DOM is untouched; the TextMap maps spans back to exactly the
 * page text (whitespace compared collapsed: the text collapses runs of spaces and newlines).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBody } from '../../src/analysis/body/index';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/pages/nato-patriot/index.html');

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

describe('extractBody on the sample article', () => {
  const doc = load(readFileSync(FIXTURE, 'utf8'));
  const before = doc.documentElement.outerHTML;
  const body = extractBody(doc, {
    title:
      'NATO-Ukraine Defense Contact Group Meeting: Focus on Patriot Air Defense Systems and the Direction of Regional Situation',
  });
  const paragraphs = [...doc.querySelectorAll('.article-body p')].map(p => squash(p.textContent ?? ''));

  it('holds every body paragraph, each as its own paragraph, in order', () => {
    expect(paragraphs.length).toBe(7);
    expect(body.text.split('\n\n')).toEqual(paragraphs);
  });

  it('leaves out teasers, dateline, section label, view counter, caption, share bar and footer', () => {
    for (const s of [
      'Recommend',
      'Latest',
      '50-day ultimatum',
      'Japanese Senate',
      'July 21, 2025, 10:18 a.m.',
      'views:48',
      'Photo: file',
      'Share',
      'All rights reserved',
    ]) {
      expect(body.text).not.toContain(s);
    }
    expect(body.text.startsWith('On July 21st local time')).toBe(true);
  });

  it('reports blocks that tile the text', () => {
    expect(body.blocks.length).toBe(7);
    for (const b of body.blocks) {
      expect(b.kind).toBe('paragraph');
      expect(body.text.slice(b.start, b.end)).toBe(paragraphs[body.blocks.indexOf(b)]);
    }
  });

  it('does not mutate the page', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('maps spans back to live ranges over exactly that text, also across paragraphs', () => {
    const text = body.text;
    let checked = 0;
    // Deterministic spread of spans: short, long, paragraph-crossing, at the edges.
    for (let start = 0; start < text.length; start += 97) {
      for (const len of [1, 7, 40, 333, 1200]) {
        const end = Math.min(text.length, start + len);
        const slice = text.slice(start, end);
        if (slice.trim() === '') continue;
        const range = body.textMap.toRange(start, end);
        expect(range).not.toBeNull();
        expect(squash(range!.toString())).toBe(squash(slice));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
    // The whole text in one range.
    expect(squash(body.textMap.toRange(0, text.length)!.toString())).toBe(squash(text));
    // Exact (not just whitespace-equal) for a span inside one text node.
    const i = text.indexOf('Patriot air defense systems');
    expect(body.textMap.toRange(i, i + 27)!.toString()).toBe('Patriot air defense systems');
  });

  it('returns null for empty or out-of-text spans', () => {
    expect(body.textMap.toRange(5, 5)).toBeNull();
    expect(body.textMap.toRange(body.text.length, body.text.length + 10)).toBeNull();
  });
});

describe('extractBody on markup edge cases', () => {
  const para = (s: string): string =>
    `<p>${s} This sentence is long enough to count as paragraph text, with a comma, and another comma.</p>`;

  it('skips hidden elements (hidden, aria-hidden, inline display:none) and comments', () => {
    const doc = load(`<body><article>
      ${para('Visible one.')}
      <p hidden>${'Hidden attr text. '.repeat(5)}</p>
      <div aria-hidden="true"><p>${'Aria hidden text. '.repeat(5)}</p></div>
      <div style="color:red; display: none"><p>${'Display none text. '.repeat(5)}</p></div>
      ${para('Visible two.')}
      <section class="comments"><p>${'A reader comment, with commas, here. '.repeat(5)}</p></section>
    </article></body>`);
    const { text } = extractBody(doc);
    expect(text).toContain('Visible one.');
    expect(text).toContain('Visible two.');
    expect(text).not.toMatch(/Hidden attr|Aria hidden|Display none|reader comment/);
  });

  it('treats <br><br>-separated loose text as paragraphs', () => {
    const doc = load(`<body><div class="nav"><a href="/">Home</a></div><div id="story">
      First loose paragraph of the story, with enough words to matter, and a comma or two.<br><br>
      Second loose paragraph of the story, again with enough words, and some commas, too.<br><br>
      <div class="share"><a href="#">Share</a></div></div></body>`);
    const { text } = extractBody(doc);
    expect(text.split('\n\n')).toEqual([
      'First loose paragraph of the story, with enough words to matter, and a comma or two.',
      'Second loose paragraph of the story, again with enough words, and some commas, too.',
    ]);
  });

  it('leaves out a "Related" heading and the link list after it', () => {
    const doc = load(`<body><div class="post-content">
      ${para('Body one.')}${para('Body two.')}
      <h3>Related</h3><ul><li><a href="/a">Another story about things</a></li><li><a href="/b">Yet another story</a></li></ul>
    </div></body>`);
    const { text } = extractBody(doc);
    expect(text).toContain('Body two.');
    expect(text).not.toMatch(/Related|Another story/);
  });

  it('returns an empty text for a document without a body', () => {
    const doc = document.implementation.createDocument(null, 'root', null);
    expect(extractBody(doc as unknown as Document).text).toBe('');
  });
});
