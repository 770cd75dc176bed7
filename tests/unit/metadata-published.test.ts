// @vitest-environment jsdom
// The published date checked against the page's other claims and its shown dateline (published.ts, visible.ts).
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/analysis/metadata/index';
import { parseDate } from '../../src/analysis/metadata/dates';
import { titleDate } from '../../src/analysis/metadata/published';
import { urlDate } from '../../src/analysis/metadata/visible';

function published(html: string, url = 'https://news.example.com/story'): string | null {
  return extractMetadata(new DOMParser().parseFromString(html, 'text/html'), url).published;
}

const LD = (o: object): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

describe('published date and the page offset', () => {
  it('keeps the local offset of a second claim that is the same minute as the UTC one', () => {
    const html = `<html lang="en"><head><meta property="article:published_time" content="2019-11-20T05:57:50Z">
      <meta name="sailthru.date" content="2019-11-19 21:57:00 -0800"></head><body><h1>Headline here</h1></body></html>`;
    expect(published(html)).toBe('2019-11-19T21:57:50-08:00');
  });

  it('reads a year-less shown time ("Posted Nov 18, 8:19 PM") and skips the "Updated" one', () => {
    const html = `<html lang="en"><head><meta property="article:published_time" content="2019-11-19T01:19:34.819Z"></head>
      <body><h1>Florida man</h1><div class="meta"><time datetime="2019-11-19T14:41:32.524Z">Updated Nov 19, 9:41 AM;</time>
      <time datetime="2019-11-19T01:19:34.819Z">Posted Nov 18, 8:19 PM</time></div><p>Text.</p></body></html>`;
    expect(published(html)).toBe('2019-11-18T20:19:34-05:00');
  });

  it('takes the shown offset for a zone-less claim that is really UTC', () => {
    const html = `<html lang="en"><head><meta itemprop="datePublished" content="2019-11-19 02:24:00"></head><body>
      <h1>Browns player on the fight</h1><div class="byline"><time class="TimeStamp" datetime="2019-11-19 02:24:00 UTC">Nov 18, 2019 at 9:24 pm ET</time></div>
      <p>Text.</p></body></html>`;
    expect(published(html)).toBe('2019-11-18T21:24:00-05:00');
  });

  it('believes the claim that the shown dateline corroborates when the claims disagree', () => {
    // The JSON-LD writes the UTC wall clock with the local offset; the meta tag and the dateline agree.
    const html = `<html lang="en"><head>${LD({ '@type': 'NewsArticle', headline: 'The VW wagon', datePublished: '2019-11-20T04:31:13-06:00' })}
      <meta property="article:published_time" content="2019-11-20T04:31:13+00:00"></head><body><h1>The VW wagon</h1>
      <div class="author_date"><span><a href="/author/chris/">Chris Davies</a></span> - <span>Nov 19, 2019, 10:31 pm CST</span></div>
      <p>Text.</p></body></html>`;
    expect(published(html)).toBe('2019-11-19T22:31:13-06:00');
  });

  it('prefers an earlier machine dateline at the headline to a datePublished equal to dateModified', () => {
    const html = `<html lang="en"><head>${LD({ '@type': 'Article', headline: 'Best gadgets', datePublished: '2019-11-19 19:31:39', dateModified: '2019-11-19 19:31:39' })}
      </head><body><h1>Best gadgets</h1><div class="byline"><p class="meta"><time datetime="2019-11-18 19:14:00">November 18, 2019 -- 19:14 GMT</time></p></div>
      <p>Text.</p></body></html>`;
    expect(published(html)?.slice(0, 10)).toBe('2019-11-18');
    // Without the dateline, or with the same day shown, the claim stands.
    expect(published(html.replace(/<time[^]*<\/time>/, ''))).toBe('2019-11-19T19:31:39');
  });

  it('keeps a datePublished that differs from dateModified whatever the page shows', () => {
    const html = `<html lang="en"><head>${LD({ '@type': 'Article', headline: 'Best gadgets', datePublished: '2019-11-19T19:31:39Z', dateModified: '2019-11-20T08:00:00Z' })}
      </head><body><h1>Best gadgets</h1><p class="meta"><time datetime="2019-11-15T10:00:00Z">November 15, 2019</time></p></body></html>`;
    expect(published(html)).toBe('2019-11-19T19:31:39Z');
  });
});

describe('shown datelines', () => {
  it('reads the date in the article meta box of an <aside>, not a comment date in a <footer>', () => {
    const html = `<html lang="de"><head><meta name="date" content="2022-1-26T14:32:06+02:00"></head><body><h1>Schuh im Test</h1>
      <aside class="meta" role="complementary"><p><time datetime="2022-01-21" class="meta__label">21.01.2022 - 13:30</time></p></aside>
      <p>Text.</p><article class="comment-body"><footer class="comment-meta"><time datetime="2022-01-25">25.01.2022</time></footer></article></body></html>`;
    expect(published(html)).toBe('2022-01-21');
  });

  it('reads a labelled dateline after the headline ("Veröffentlicht am 16.08.2019")', () => {
    const html = `<html lang="de"><body><h1>RES158 Sternfusion</h1><p>Intro.</p>
      <p>Veröffentlicht am 16.08.2019<br> Dauer: 1 Stunde 4 Minuten <br>Lizenz: <a href="/cc">CC-BY 4.0</a><br>Downloads: 22.273</p>
      <footer class="comment-meta"><time datetime="2019-08-24T03:36:11+02:00">24. August 2019 um 03:36 Uhr</time></footer></body></html>`;
    expect(published(html)).toBe('2019-08-16');
  });

  it('reads a dateline inside a share bar at the headline, not one in a share bar far below', () => {
    const near = `<html lang="en"><body><h1>Headline words</h1><div class="share-bar-wrapper"><div class="byline">
      <p class="meta"><time datetime="2019-11-18 19:14:00">November 18, 2019</time></p></div></div><p>Text.</p></body></html>`;
    expect(published(near)).toBe('2019-11-18T19:14:00');
    const filler = Array.from({ length: 700 }, (_, i) => `<span>w${i}</span>`).join('');
    const far = `<html lang="en"><body><h1>Headline words</h1><div>${filler}</div><div class="social-box">
      <time datetime="2019-11-18 19:14:00">November 18, 2019</time></div></body></html>`;
    expect(published(far)).toBeNull();
  });

  it('falls back to a date standing in the title, then to a day-first date in the URL', () => {
    expect(
      published(
        `<html lang="de"><head><title>08.11.2021 | Online-Fachtag zum Intersex Day: Portal</title></head><body><h1>Online-Fachtag</h1></body></html>`,
      ),
    ).toBe('2021-11-08');
    expect(titleDate(['Wie man Hühner hält - 2021 Edition des Ratgebers'], 'de')).toBeNull();
    expect(urlDate('https://x.example/aktuelles/detail/~02-01-2022-land-zahlte-rund', 'de')).toBe(
      '2022-01-02',
    );
    expect(urlDate('https://x.example/news/02-01-2022-story', 'en')).toBe('2022-02-01');
    expect(urlDate('https://x.example/news/25-01-2022-story', 'en')).toBe('2022-01-25');
    expect(urlDate('https://x.example/news/item-1234567', 'de')).toBeNull();
  });
});

describe('parseDate with the year of a machine date', () => {
  it('reads year-less datelines only when given the year', () => {
    expect(parseDate('Posted Nov 18, 8:19 PM')).toBeNull();
    expect(parseDate('Posted Nov 18, 8:19 PM', { year: { y: 2019, mo: 11 } })).toBe('2019-11-18T20:19:00');
    expect(parseDate('18. November, 14:05 Uhr', { year: { y: 2019, mo: 11 } })).toBe('2019-11-18T14:05:00');
    expect(parseDate('Dec 31, 11:50 PM', { year: { y: 2020, mo: 1 } })).toBe('2019-12-31T23:50:00');
    expect(parseDate('3 hours ago', { year: { y: 2019, mo: 11 } })).toBeNull();
  });
});
