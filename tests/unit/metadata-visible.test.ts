// @vitest-environment jsdom
// Visible credits and headings on pages whose markup says little: no <h1>, layout wrappers named after a
// sidebar, media credits, signed posts.
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/analysis/metadata/index';

const page = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');
const prose = (n: number): string =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i} of the story tells of a trip to Leipzig and a dinner in Dresden.</p>`,
  ).join('');

describe('a page whose headline is an <h2>', () => {
  const html = `<html lang="de"><head><title>Der historische Purzelbaum (2021/5): alacarte</title>
    <meta property="og:title" content="Der historische Purzelbaum (2021/5)"><meta property="og:site_name" content="alacarte">
    </head><body><div class="layoutTwoColumnsRightSidebar site"><div class="content"><div class="content-search">
    <h2> Der historische Purzelbaum </h2><h3>Zwei Städte mit einem Übergewicht an Vergangenheit.</h3>
    <div class="ce-bodytext"><p><em>Text von Christian Seiler &nbsp; &nbsp;Illustration von Markus Roost</em></p>
    ${prose(6)}</div></div></div><aside class="sidebar"><p>By Someone Else</p></aside></div></body></html>`;
  const m = extractMetadata(page(html), 'https://mag.example/reisen/der-historische-purzelbaum-20215/');

  it('takes the <h2> that is the title without its trailing issue tag', () => {
    expect(m.title).toBe('Der historische Purzelbaum');
  });

  it('reads the "Text von" credit under it, inside a wrapper whose layout class names a sidebar', () => {
    expect(m.authors).toEqual(['Christian Seiler']);
  });

  it('still ignores an <h2> that agrees with no title', () => {
    const other = extractMetadata(
      page(
        `<html><head><title>Ausbildung im Bootsdienst</title></head><body><h2>Termine</h2>${prose(3)}</body></html>`,
      ),
      'https://x.example/ausbildung',
    );
    expect(other.title).toBe('Ausbildung im Bootsdienst');
  });
});

describe('credits that are not bylines', () => {
  it('does not take the credit under a video for the author', () => {
    const m = extractMetadata(
      page(`<html><head><title>Vessel intercepted with 475 pounds of cocaine</title></head><body>
      <h1>Vessel intercepted with 475 pounds of cocaine</h1><p class="summary">Agents found the load on Sunday.
      <span class="credit video-credit">By U.S. CUSTOMS AND BORDER PROTECTION</span></p>${prose(4)}</body></html>`),
      'https://news.example/crime/vessel-intercepted-with-cocaine',
    );
    expect(m.authors).toEqual([]);
  });
});

describe('a signed post', () => {
  const signed = (sign: string): Document =>
    page(`<html lang="de"><head><title>Time to say goodbye.</title></head><body><main><article>
      <h2>Time to say goodbye.</h2>${prose(4)}<p>In dem Sinne: So Long, and Thanks for All the Fish!</p>
      <p>${sign}</p></article></main></body></html>`);

  it('takes the name over a date at its end for the author', () => {
    expect(extractMetadata(signed('Benni<br>10. September 2017'), 'https://blog.example/').authors).toEqual([
      'Benni',
    ]);
  });

  it('does not take an address, a sentence or a name without a date', () => {
    for (const sign of ['Berlin<br>Hauptstraße 5', 'Bis bald<br>euer Team', 'Benni', 'Benni<br>Berlin']) {
      expect(extractMetadata(signed(sign), 'https://blog.example/').authors).toEqual([]);
    }
  });
});

describe('a <title> that is only the site name', () => {
  it("takes the page's <h1> instead", () => {
    const m = extractMetadata(
      page(
        `<html><head><title>Anwalt Niemeyer</title></head><body><h1>Willkommen!</h1>${prose(3)}</body></html>`,
      ),
      'https://anwaltniemeyer.example/index.html',
    );
    expect(m.title).toBe('Willkommen!');
  });
});
