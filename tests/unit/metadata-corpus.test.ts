// Metadata accuracy on the hand-annotated trafilatura-eval pages (../shared/corpus); skipped without the corpus.
// The full comparison with Readability and Defuddle is `npm run bench:metadata`.
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/analysis/metadata/index';
import { fold } from '../../src/analysis/metadata/text';
import { corpusAvailable, loadHtml, trafilaturaPages } from '../../bench/lib/corpus';

const pages = corpusAvailable() ? trafilaturaPages() : [];

describe.skipIf(pages.length === 0)('extractMetadata on trafilatura-eval', () => {
  it('meets the title and date accuracy we reached', { timeout: 600_000 }, () => {
    let titles = 0;
    let dated = 0;
    let dates = 0;
    for (const p of pages) {
      const doc = new JSDOM(loadHtml(p.file), { url: p.url, virtualConsole: new VirtualConsole() }).window
        .document;
      const m = extractMetadata(doc, p.url);
      doc.defaultView?.close();
      if (p.title && m.title && fold(m.title) === fold(p.title)) titles++;
      if (p.date) {
        dated++;
        if (m.published?.slice(0, 10) === p.date) dates++;
      }
    }
    console.info(`metadata: titles ${titles}/${pages.length}, dates ${dates}/${dated}`);
    expect(titles / pages.length).toBeGreaterThanOrEqual(TITLE);
    expect(dates / dated).toBeGreaterThanOrEqual(DATE);
  });
});

/** Reached when this test was written (titles 32/41, dates 25/32), minus one page of slack. */
const TITLE = 0.75;
const DATE = 0.75;
