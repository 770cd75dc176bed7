// @vitest-environment jsdom
// The signals behind detect(), one by one, on small synthetic documents.
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/analysis/detect';
import { pageHints } from '../../src/analysis/detect/page-hints';
import { readSignals } from '../../src/analysis/detect/signals';
import { urlShape } from '../../src/analysis/detect/url-shape';
import { walk } from '../../src/analysis/detect/walk';

const html = (body: string, head = ''): Document =>
  new DOMParser().parseFromString(`<html><head>${head}</head><body>${body}</body></html>`, 'text/html');

const sentence = (i: number): string =>
  `Sentence ${i} of the story says something plain about the council budget and the people who argued over it. `;
const para = (i: number, n = 3): string =>
  `<p>${Array.from({ length: n }, (_, k) => sentence(i * 10 + k)).join('')}</p>`;
const story = (n: number): string => Array.from({ length: n }, (_, i) => para(i)).join('');
const teaserRail = (n: number): string =>
  `<div class="rail">${Array.from(
    { length: n },
    (_, i) => `<article><h3><a href="/t${i}">Teaser headline number ${i} about something</a></h3></article>`,
  ).join('')}</div>`;
const menu = (n: number): string =>
  `<nav><ul>${Array.from({ length: n }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('')}</ul></nav>`;

const noClock = (): number => 0;

describe('walk: the main content block', () => {
  it('picks the story container, not the body full of furniture', () => {
    const doc = html(
      `${menu(40)}<main><div id="story"><h1>Headline</h1>${story(8)}</div>${teaserRail(30)}</main><footer>${menu(30)}</footer>`,
    );
    const w = walk(doc.body, 30_000, Infinity, noClock);
    expect(w.mainEl?.id).toBe('story');
    expect(w.main?.paras).toBe(8);
    expect(w.main?.teasers).toBe(0);
    expect(w.main?.h1).toBe(1);
    // Inside the block there are no links; over the body, the menus and rail weigh in.
    expect(w.main!.link).toBe(0);
    expect(w.body.link).toBeGreaterThan(0);
    expect(w.body.teasers).toBe(30);
    expect(w.body.articles).toBe(30);
  });

  it('gathers paragraphs each wrapped in their own div into one block', () => {
    const wrapped = Array.from({ length: 6 }, (_, i) => `<div class="c">${para(i)}</div>`).join('');
    const doc = html(`${menu(20)}<div id="body">${wrapped}</div>`);
    const w = walk(doc.body, 30_000, Infinity, noClock);
    expect(w.mainEl?.id).toBe('body');
    expect(w.main?.paras).toBe(6);
  });

  it('does not count comment boxes and link-heavy blocks as paragraphs', () => {
    const doc = html(
      `<div id="story">${story(4)}</div><div class="comments">${story(3)}</div><p>${'<a href="/x">a linked phrase here</a> '.repeat(10)}</p>`,
    );
    const w = walk(doc.body, 30_000, Infinity, noClock);
    expect(w.mainEl?.id).toBe('story');
    expect(w.body.paras).toBe(4);
  });

  it('stops at the node bound and at the deadline, saying so', () => {
    const doc = html(story(50));
    expect(walk(doc.body, 20, Infinity, noClock).truncated).toBe(true);
    let t = 0;
    const w = walk(doc.body, 30_000, 5, () => (t += 10));
    expect(w.timedOut || w.truncated).toBe(false); // 50 paragraphs: fewer than 512 nodes, never checked
    const big = html(`<div>${'<span>x</span>'.repeat(2000)}</div>`);
    expect(walk(big.body, 30_000, 5, () => (t += 10)).timedOut).toBe(true);
  });

  it('never mutates the page', () => {
    const doc = html(`${menu(5)}<div>${story(3)}</div>`);
    const before = doc.documentElement.outerHTML;
    walk(doc.body, 30_000, Infinity, noClock);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('page hints', () => {
  it('reads error titles in several languages', () => {
    expect(pageHints(html('<h1>Błąd 404 - nie znaleziono strony</h1>')).error).toMatch(/404/);
    expect(pageHints(html('', '<title>Page not found | Example</title>')).error).toMatch(/not found/);
    expect(pageHints(html('<h1>Seite nicht gefunden</h1>')).error).not.toBeNull();
    expect(pageHints(html('<h1>Erreur 404</h1>')).error).not.toBeNull();
    // A number in a headline is not an error.
    expect(pageHints(html('<h1>404 jobs go as the plant closes</h1>')).error).toBeNull();
    expect(pageHints(html('<h1>Council finds the missing budget</h1>')).error).toBeNull();
  });
});

describe('shop markers', () => {
  it('counts price microdata, product price tags and add-to-cart controls', () => {
    const doc = html(
      '<div itemprop="offers"><span itemprop="price">9.99</span></div><button class="btn add-to-cart">Add</button><input type="submit" value="In den Warenkorb">',
      '<meta property="product:price:amount" content="9.99">',
    );
    expect(readSignals(doc, 'https://shop.example/item').shop).toBe(5);
    expect(readSignals(html(story(2) + '<button>Share</button>'), 'https://x.example/a').shop).toBe(0);
  });
});

describe('urlShape: repositories', () => {
  it('knows a repository front page from a code host', () => {
    expect(urlShape('https://github.com/adbar/htmldate').repository).toBe(true);
    expect(urlShape('https://gitlab.com/group/project/-/tree/main').repository).toBe(true);
    expect(urlShape('https://github.com/login').repository).toBe(false);
    expect(urlShape('https://github.blog/2024-01-01-a-long-blog-post-title/').repository).toBe(false);
    expect(urlShape('https://news.example/adbar/htmldate').repository).toBe(false);
  });
});

describe('detect on furniture-heavy articles and article-like non-articles', () => {
  const head =
    '<meta property="og:type" content="article"><meta property="article:published_time" content="2025-07-21T10:18:00Z">';

  it('finds the story among teaser rails, menus and many <article> elements', () => {
    const doc = html(
      `${menu(80)}<div id="story"><h1>Council budget row</h1>${story(7)}</div>${teaserRail(40)}<footer>${menu(60)}</footer>`,
      head,
    );
    const url = 'https://news.example/politics/council-budget-row-over-parks';
    const sig = readSignals(doc, url);
    expect(sig.articles).toBe(40);
    expect(sig.main?.articles).toBe(0);
    const r = detect(doc, url);
    expect(r.isArticle).toBe(true);
    expect(r.reasons.join('\n')).toMatch(/link text in the main block/);
    expect(r.reasons.join('\n')).not.toMatch(/<article> elements/);
  });

  it('still rejects a teaser listing where every card has a blurb', () => {
    const cards = Array.from(
      { length: 20 },
      (_, i) =>
        `<article><h2><a href="/s${i}">Story headline ${i} about the city</a></h2><p>${sentence(i)}</p></article>`,
    ).join('');
    const r = detect(html(`${menu(30)}<div id="list">${cards}</div>`), 'https://news.example/politics/');
    expect(r.isArticle).toBe(false);
  });

  it('rejects error pages, shop pages and repository pages even with prose on them', () => {
    const err = html(`<h1>Error 404: page not found</h1>${story(4)}`);
    expect(detect(err, 'https://news.example/a/some-long-article-slug-here').isArticle).toBe(false);
    const shop = html(
      `<h1>Trail runner 2</h1><span itemprop="price">120</span><button class="add-to-cart">Add</button>${story(3)}`,
      '<meta property="og:type" content="product">',
    );
    expect(detect(shop, 'https://shoes.example/trail-runner-2-blue-mens').isArticle).toBe(false);
    const repo = html(`<article class="markdown-body"><h1>htmldate</h1>${story(6)}</article>`);
    expect(detect(repo, 'https://github.com/adbar/htmldate').isArticle).toBe(false);
  });

  it('counts a story that embeds <article> cards (video, related) as the story, not the cards', () => {
    const card = (i: number): string =>
      `<article class="card"><h3><a href="/v${i}">Video ${i}</a></h3><p>${sentence(i)}${sentence(i + 1)}</p></article>`;
    const body = Array.from({ length: 8 }, (_, i) => para(i) + (i % 2 ? card(i) : '')).join('');
    const doc = html(
      `${menu(30)}<div id="story"><h1>Council budget row</h1>${body}</div>${teaserRail(20)}`,
      head,
    );
    const w = walk(doc.body, 30_000, Infinity, noClock);
    expect(w.mainEl?.id).toBe('story');
    // The cards' blurbs are theirs: the block's paragraph text outside them is the story's.
    expect(w.main!.artPara).toBeGreaterThan(0);
    const bare = walk(html(`<div id="story">${story(8)}</div>`).body, 30_000, Infinity, noClock);
    expect(w.main!.para - w.main!.artPara).toBe(bare.main!.para);
    const r = detect(doc, 'https://news.example/2025/07/21/council-budget-row');
    expect(r.isArticle).toBe(true);
  });

  it('takes a short story among many blurbed cards as the main block, not the page of cards', () => {
    const cards = Array.from(
      { length: 24 },
      (_, i) =>
        `<article><h2><a href="/s${i}">Story ${i}</a></h2><p>${sentence(i)}${sentence(i + 1)}</p></article>`,
    ).join('');
    const doc = html(
      `<div id="page"><article id="story"><h1>Budget row</h1>${story(3)}</article>${cards}</div>`,
      head,
    );
    const w = walk(doc.body, 30_000, Infinity, noClock);
    expect(w.mainEl?.id).toBe('story');
    expect(w.cardsElsewhere).toBeGreaterThan(w.main!.para);
    const sig = readSignals(doc, 'https://news.example/politics/budget-row-over-parks-and-pools');
    expect(sig.main?.share).toBe(1);
    expect(detect(doc, 'https://news.example/politics/budget-row-over-parks-and-pools').isArticle).toBe(true);
  });

  it('ignores the prose of hidden, modal and consent boxes, even when it is all the prose there is', () => {
    const consent = `<div id="onetrust-consent-sdk"><div class="pc-content">${story(4)}</div></div>`;
    const dialog = `<div role="dialog"><div class="content">${story(4)}</div></div>`;
    const hidden = `<div style="display: none">${story(4)}</div>`;
    for (const box of [consent, dialog, hidden]) {
      const doc = html(`<h1>Presentation</h1>${box}<p>Short caption.</p>`);
      expect(walk(doc.body, 30_000, Infinity, noClock).main).toBeNull();
      expect(detect(doc, 'https://app.example/view/5dc53cfa').isArticle).toBe(false);
    }
    // A story beside a consent box keeps its own paragraphs.
    const doc = html(`<div id="story"><h1>Headline</h1>${story(5)}</div>${consent}`);
    expect(walk(doc.body, 30_000, Infinity, noClock).mainEl?.id).toBe('story');
  });

  it("reads a comment form as a mark of a post, and does not count its fields as the page's form", () => {
    const comments =
      '<form id="commentform" action="/wp-comments-post.php"><input name="author"><input type="email" name="email"><input type="url" name="url"><textarea name="comment"></textarea></form>';
    const doc = html(`<div id="story"><h1>Notes from the allotment</h1>${story(2)}</div>${comments}`);
    const sig = readSignals(doc, 'https://blog.example/notes-from-the-allotment-in-july');
    expect(sig.commentForm).toBe(true);
    expect(sig.inputs).toBe(0);
    const r = detect(doc, 'https://blog.example/notes-from-the-allotment-in-july');
    expect(r.reasons.join('\n')).toMatch(/comment form/);
    expect(r.reasons.join('\n')).not.toMatch(/a form with/);
    // The same fields in a form of the page's own business still count.
    const contact = html(
      comments.replace('id="commentform" action="/wp-comments-post.php"', 'action="/send"'),
    );
    expect(readSignals(contact, 'https://blog.example/contact-us').inputs).toBe(4);
  });

  it('rejects a single intro paragraph on a page of links, even one that says it is an article', () => {
    const chapters = `<ul>${Array.from({ length: 150 }, (_, i) => `<li><a href="/c${i}">Chapter ${i}: The long road</a></li>`).join('')}</ul>`;
    const doc = html(`<h1>A novel in chapters</h1>${para(1, 5)}${chapters}`, head);
    const r = detect(doc, 'https://novels.example/a-novel-index/');
    expect(r.isArticle).toBe(false);
    expect(r.reasons.join('\n')).toMatch(/link text/);
  });

  it('judges a wiki entry by its prose, not by the links of its infobox, references and navigation boxes', () => {
    // Prose with inline links between link-dense apparatus: a contents box and an infobox before the
    // first paragraph, "see also", references and a navigation box after the last.
    const linked = (i: number): string =>
      `<p>${sentence(i)}The <a href="/wiki/S${i}">spell</a> was taught at <a href="/wiki/H${i}">school</a>. ${sentence(i + 1)}</p>`;
    const links = (n: number, p: string): string =>
      Array.from(
        { length: n },
        (_, i) => `<li><a href="/wiki/${p}${i}">${p} entry number ${i}</a></li>`,
      ).join('');
    const entry =
      `<div id="entry"><div class="toc"><ul>${links(8, 'Section')}</ul></div>` +
      `<table class="infobox"><tr><td><a href="/wiki/Type">Charm</a></td></tr></table>` +
      Array.from({ length: 5 }, (_, i) => linked(i * 3)).join('') +
      `<h2>See also</h2><ul>${links(12, 'Related')}</ul><h2>References</h2><ol>${links(30, 'Source')}</ol>` +
      `<table class="navbox"><tr><td>${links(60, 'Charm')}</td></tr></table></div>`;
    const doc = html(
      `${menu(20)}<h1>Water-Making Spell</h1>${entry}`,
      '<meta property="og:type" content="article">',
    );
    const url = 'https://wiki.example/wiki/Water-Making_Spell';
    const sig = readSignals(doc, url);
    expect(sig.main!.linkDensity).toBeGreaterThan(0.35);
    expect(sig.main!.spanLinkDensity).toBeLessThan(0.2);
    expect(detect(doc, url).isArticle).toBe(true);
    // The same links between the paragraphs are a listing's, and still count.
    const listing = html(
      `${menu(20)}<h1>Charms</h1><div id="entry">${Array.from({ length: 7 }, (_, i) => `${linked(i * 3)}<ul>${links(14, `L${i}`)}</ul>`).join('')}</div>`,
    );
    expect(readSignals(listing, url).main!.spanLinkDensity).toBeGreaterThan(0.35);
  });

  it("takes a MediaWiki Main_Page for the wiki's home page", () => {
    expect(urlShape('https://en.wiki.example/wiki/Main_Page').root).toBe(true);
    expect(urlShape('https://wiki.example/Main_Page').root).toBe(true);
    expect(urlShape('https://wiki.example/wiki/Main_Page_history').root).toBe(false);
  });

  it('rejects a paste or an editor page, whose text also sits in a text field', () => {
    const text = Array.from({ length: 12 }, (_, i) => sentence(i)).join('\n\n');
    const lines = text
      .split('\n')
      .map(l => `<li><div class="de1">${l || '&nbsp;'}</div></li>`)
      .join('');
    const doc = html(
      `<h1>untitled paste</h1><div class="source"><ol>${lines}</ol></div><textarea class="raw">${text}</textarea>`,
      '<meta property="og:type" content="article">',
    );
    const r = detect(doc, 'https://paste.example/Af0yDAW4');
    expect(r.isArticle).toBe(false);
    expect(r.reasons.join('\n')).toMatch(/text field/);
    // A story with a share box's embed code beside it is still a story.
    const embed = `<textarea readonly>${'&lt;iframe src="https://news.example/embed/1"&gt;&lt;/iframe&gt; '.repeat(20)}</textarea>`;
    const storyDoc = html(`<div id="story"><h1>Council budget row</h1>${story(8)}${embed}</div>`, head);
    expect(detect(storyDoc, 'https://news.example/politics/council-budget-row-over-parks').isArticle).toBe(
      true,
    );
  });

  it('gives up cleanly past its budget', () => {
    const doc = html(`<div>${story(5)}</div>`, head);
    const r = detect(doc, 'https://news.example/a/story', { budgetMs: -1 });
    expect(r).toEqual({ isArticle: false, score: 0, reasons: [expect.stringMatching(/^gave up/)] });
  });
});
