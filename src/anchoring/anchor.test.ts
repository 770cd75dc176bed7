// @vitest-environment jsdom
import { afterEach, describe as suite, expect, it } from 'vitest';
import type { Selector, TextQuoteSelector } from '../shared/types';
import { anchor, anchorAll, describe, renderedText } from './index';

const roots: HTMLElement[] = [];
function dom(html: string): HTMLElement {
  const el = document.createElement('article');
  // eslint-disable-next-line no-unsanitized/property -- fixtures are string literals in this file
  el.innerHTML = html;
  document.body.appendChild(el);
  roots.push(el);
  return el;
}
afterEach(() => {
  for (const r of roots.splice(0)) r.remove();
});

/** A range over the first occurrence of `text` in the rendered text of root (via a fresh describe model). */
function rangeOf(root: Node, start: Node, startOffset: number, end: Node, endOffset: number): Range {
  const r = document.createRange();
  r.setStart(start, startOffset);
  r.setEnd(end, endOffset);
  void root;
  return r;
}

function textNodeWith(root: Node, needle: string): Text {
  const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) if ((n as Text).data.includes(needle)) return n as Text;
  throw new Error(`no text node with ${needle}`);
}

/** Range over `needle` inside one text node. */
function inNode(root: Node, needle: string): Range {
  const t = textNodeWith(root, needle);
  const i = t.data.indexOf(needle);
  return rangeOf(root, t, i, t, i + needle.length);
}

function quoteOf(sel: Selector[]): TextQuoteSelector {
  const q = sel.find(s => s.type === 'TextQuoteSelector');
  if (!q || q.type !== 'TextQuoteSelector') throw new Error('no quote');
  return q;
}

const ARTICLE = `
  <h1>Parliament debates the budget</h1>
  <p>The finance minister said on Tuesday that the deficit would fall to 2.1 percent of output next year,
     helped by <b>higher tax receipts</b> and lower <i>energy subsidies</i>.</p>
  <p>Opposition leaders rejected the plan.<br>They called it a fiction built on optimistic growth forecasts.</p>
  <ul><li>Spending: up 3 percent<ul><li>Health: up 5 percent</li><li>Defence: up 8 percent</li></ul></li>
      <li>Revenue: up 4 percent</li></ul>
  <blockquote><p>"We will not borrow our way out of this," the minister told reporters.</p></blockquote>
  <p>Economists at the central bank were more cautious about the outlook for the coming winter months.</p>`;

suite('describe + anchor round trips', () => {
  const shapes: [string, (root: HTMLElement) => Range][] = [
    ['inside one text node', r => inNode(r, 'deficit would fall')],
    [
      'across inline elements',
      r => {
        const a = textNodeWith(r, 'helped by');
        const b = textNodeWith(r, 'energy subsidies');
        return rangeOf(r, a, a.data.indexOf('helped'), b, 6);
      },
    ],
    [
      'across paragraphs',
      r => {
        const a = textNodeWith(r, 'energy subsidies');
        const b = textNodeWith(r, 'Opposition');
        return rangeOf(r, a, 0, b, 10);
      },
    ],
    [
      'starting and ending at element boundaries',
      r => {
        const p = r.querySelectorAll('p')[1]!;
        return rangeOf(r, p, 0, p, p.childNodes.length);
      },
    ],
    [
      'across a <br>',
      r => {
        const a = textNodeWith(r, 'rejected');
        const b = textNodeWith(r, 'They called');
        return rangeOf(r, a, a.data.indexOf('the plan'), b, 10);
      },
    ],
    [
      'in nested lists',
      r => {
        const a = textNodeWith(r, 'Health');
        const b = textNodeWith(r, 'Revenue');
        return rangeOf(r, a, 0, b, 7);
      },
    ],
    [
      'a whole paragraph via the element',
      r => {
        const p = r.querySelector('blockquote')!;
        const range = document.createRange();
        range.selectNodeContents(p);
        return range;
      },
    ],
    [
      'with leading and trailing whitespace',
      r => {
        const t = textNodeWith(r, 'The finance');
        return rangeOf(r, t, 0, t, 40);
      },
    ],
    [
      'the whole root',
      r => {
        const range = document.createRange();
        range.selectNodeContents(r);
        return range;
      },
    ],
  ];

  for (const [name, make] of shapes) {
    it(name, () => {
      const root = dom(ARTICLE);
      const range = make(root);
      const want = renderedText(root, range).trim();
      const sel = describe(root, range);
      expect(sel).toHaveLength(2);
      expect(quoteOf(sel).exact).toBe(want);
      const got = anchor(root, sel);
      expect(got).not.toBeNull();
      expect(got!.method).toBe('position');
      expect(renderedText(root, got!.range)).toBe(want);
      expect(got!.range.startContainer.nodeType).toBe(3);
      expect(got!.range.endContainer.nodeType).toBe(3);
    });
  }

  it('stores 32 characters of context and rendered positions', () => {
    const root = dom(ARTICLE);
    const sel = describe(root, inNode(root, 'Opposition leaders'));
    const q = quoteOf(sel);
    expect(q.prefix).toHaveLength(32);
    expect(q.suffix).toHaveLength(32);
    expect(q.prefix.endsWith('energy subsidies. ')).toBe(true);
    expect(q.suffix).toBe(' rejected the plan. They called ');
  });

  it('returns [] for collapsed, whitespace-only and outside ranges', () => {
    const root = dom(ARTICLE);
    const t = textNodeWith(root, 'deficit');
    expect(describe(root, rangeOf(root, t, 3, t, 3))).toEqual([]);
    const ws = dom('<p>a</p>   <p>b</p>');
    const r = document.createRange();
    r.setStart(ws.childNodes[1]!, 0);
    r.setEnd(ws.childNodes[1]!, 3);
    expect(describe(ws, r)).toEqual([]);
    const other = dom('<p>elsewhere</p>');
    expect(describe(root, inNode(other, 'elsewhere'))).toEqual([]);
  });
});

function describeText(root: HTMLElement, needle: string): Selector[] {
  return describe(root, inNode(root, needle));
}

suite('anchor after edits', () => {
  it('survives an insertion before the quote (position moves, quote search finds it)', () => {
    const root = dom(ARTICLE);
    const sel = describeText(root, 'were more cautious about the outlook');
    root.insertAdjacentHTML(
      'afterbegin',
      '<div class="ad">Advertisement: buy a car today, great deals</div>',
    );
    const got = anchor(root, sel)!;
    expect(got.method).toBe('quote');
    expect(renderedText(root, got.range)).toBe('were more cautious about the outlook');
  });

  it('survives one word changed inside the quote', () => {
    const root = dom(ARTICLE);
    const sel = describeText(root, 'deficit would fall to 2.1 percent of output');
    const t = textNodeWith(root, 'deficit');
    t.data = t.data.replace('fall', 'drop');
    const got = anchor(root, sel)!;
    expect(got.method).toBe('fuzzy');
    expect(renderedText(root, got.range)).toBe('deficit would drop to 2.1 percent of output');
  });

  it('survives an edited first word (the span is widened to meet the context)', () => {
    const root = dom(ARTICLE);
    const sel = describeText(root, 'Economists at the central bank were more cautious');
    const t = textNodeWith(root, 'Economists');
    t.data = t.data.replace('Economists', 'Several analysts');
    const got = anchor(root, sel)!;
    expect(got.method).toBe('fuzzy');
    expect(renderedText(root, got.range)).toBe('Several analysts at the central bank were more cautious');
  });

  it('anchors a short quote with intact context after a shift', () => {
    const root = dom('<p>The cat sat on the mat.</p><p>The dog sat on the rug.</p>');
    const sel = describeText(root, 'dog');
    root.insertAdjacentHTML('afterbegin', '<p>New lead.</p>');
    const got = anchor(root, sel)!;
    expect(got.method).toBe('quote');
    expect(got.range.startContainer).toBe(textNodeWith(root, 'The dog'));
  });

  it('survives one word changed on each side of the quote, and edits further away', () => {
    const root = dom(ARTICLE);
    const sel = describeText(root, 'Economists at the central bank');
    const t = textNodeWith(root, 'Economists');
    t.data = t.data.replace('cautious', 'careful').replace('winter', 'summer');
    const q = textNodeWith(root, 'the minister told');
    q.data = q.data.replace('told', 'informed').replace('borrow', 'spend');
    const got = anchor(root, sel)!;
    expect(renderedText(root, got.range)).toBe('Economists at the central bank');
  });

  it('ignores reflowed whitespace and changed inline markup', () => {
    const root = dom(ARTICLE);
    const sel = describeText(root, 'Opposition leaders rejected the plan.');
    const p = root.querySelectorAll('p')[1]!;
    p.innerHTML =
      '\n   Opposition\n\n   <em>leaders</em>   rejected  the\tplan.<br>\n They called it a fiction built on optimistic growth forecasts.';
    const got = anchor(root, sel)!;
    expect(got).not.toBeNull();
    expect(renderedText(root, got.range)).toBe('Opposition leaders rejected the plan.');
  });

  it('survives an ad block inserted before the paragraph plus a word edited in the quote', () => {
    const root = dom(ARTICLE);
    const sel = describeText(root, 'Economists at the central bank were more cautious');
    const p = root.querySelectorAll('p')[3]!;
    p.insertAdjacentHTML('beforebegin', '<div class="ad">Advertisement · Story continues below</div>');
    const t = textNodeWith(root, 'Economists');
    t.data = t.data.replace('central', 'national');
    const got = anchor(root, sel)!;
    expect(got.method).toBe('fuzzy');
    expect(renderedText(root, got.range)).toBe('Economists at the national bank were more cautious');
  });

  it('never widens a fuzzy match over an inserted block', () => {
    const root = dom(ARTICLE);
    const sel = describeText(root, 'Economists at the central bank were more cautious about the outlook');
    const p = root.querySelectorAll('p')[3]!;
    p.insertAdjacentHTML('beforebegin', '<div>Ad</div>');
    const t = textNodeWith(root, 'Economists');
    t.data = t.data.replace('Economists', 'Analysts');
    const got = anchor(root, sel);
    if (got) expect(renderedText(root, got.range).startsWith('Analysts at the central bank')).toBe(true);
  });

  it('orphans deleted text', () => {
    const root = dom(ARTICLE);
    const sel = describeText(root, 'Economists at the central bank were more cautious');
    root.querySelectorAll('p')[3]!.remove();
    expect(anchor(root, sel)).toBeNull();
  });
});

suite('duplicates', () => {
  const DUP = `<p>Alpha beta says the report is wrong.</p><p>Gamma delta says the report is wrong.</p>
    <p>Alpha beta says the report is wrong.</p>`;

  it('context picks the right occurrence', () => {
    const root = dom(DUP);
    const t = root.querySelectorAll('p')[1]!.firstChild as Text;
    const sel = describe(root, rangeOf(root, t, 12, t, t.data.length));
    root.insertAdjacentHTML('afterbegin', '<p>Inserted lead paragraph that shifts all positions.</p>');
    const got = anchor(root, sel)!;
    expect(got.range.startContainer).toBe(t);
  });

  it('position breaks ties between occurrences with identical context', () => {
    const root = dom('<p>x said no. y</p><p>z said no. w</p><p>x said no. y</p><p>x said no. y</p>');
    const third = root.querySelectorAll('p')[2]!.firstChild as Text;
    const sel = describe(root, rangeOf(root, third, 2, third, 10));
    // Shift by one character: the fast path fails, three exact candidates remain, two with full context.
    root.insertAdjacentHTML('afterbegin', '<p>q</p>');
    const got = anchor(root, sel)!;
    expect(got.method).toBe('quote');
    expect(got.range.startContainer).toBe(third);
  });

  it('a short quote needs its context', () => {
    const root = dom('<p>The cat sat on the mat.</p><p>The dog sat on the rug.</p>');
    const sel = describeText(root, 'cat');
    const t = root.querySelector('p')!.firstChild as Text;
    t.data = 'A bird flew over the cat tree.';
    expect(anchor(root, sel)).toBeNull();
  });
});

suite('never the wrong place', () => {
  it('a similar sentence elsewhere does not attract the quote', () => {
    const root = dom(`<p>Intro text here.</p>
      <p>The minister said on Tuesday that taxes would rise for the richest households.</p>
      <p>Later, a spokesman said on Monday that taxes would fall for the poorest households.</p>`);
    const sel = describeText(root, 'The minister said on Tuesday that taxes would rise');
    root.querySelectorAll('p')[1]!.remove();
    expect(anchor(root, sel)).toBeNull();
  });

  it("the quote's paragraph deleted while a near-duplicate remains", () => {
    const body = 'Revenue rose 12 percent to 4.5 billion euros in the third quarter, the company said.';
    const root = dom(`<p>Opening words of the story.</p><p>${body}</p><p>More reporting in between.</p>
      <aside><p>Summary: ${body.replace('12', '11')}</p></aside>`);
    const sel = describeText(root, 'Revenue rose 12 percent');
    const q = quoteOf(sel);
    expect(q.exact.startsWith('Revenue rose 12 percent')).toBe(true);
    root.querySelectorAll('p')[1]!.remove();
    expect(anchor(root, sel)).toBeNull();
  });

  // (A copy directly in the deleted paragraph's place, after the same prefix, is the same text at the same
  // place and is accepted; one block further down it is not.)
  it('a pull-quote block copy is not used once the quoted paragraph is deleted', () => {
    const root = dom(`<p>Lead paragraph of the story ends here.</p><p>We will never give up on this city.</p>
      <p>The crowd cheered.</p><aside><p>We will never give up on this city.</p></aside>
      <p>The mayor then left the stage.</p>`);
    const sel = describe(root, inNode(root, 'We will never give up on this city.'));
    root.querySelectorAll('p')[1]!.remove();
    expect(anchor(root, sel)).toBeNull();
  });

  it('a verbatim copy with different context is not used for an exact quote', () => {
    const root = dom(`<p>Before the quote comes this.</p><p>Prices climbed sharply.</p><p>After.</p>
      <footer><p>Related: Prices climbed sharply. Read more</p></footer>`);
    const sel = describeText(root, 'Prices climbed sharply.');
    root.querySelectorAll('p')[1]!.remove();
    expect(anchor(root, sel)).toBeNull();
  });
});

suite('bad input', () => {
  const garbage: unknown[] = [
    [],
    [{ type: 'TextPositionSelector', start: 0, end: 5 }],
    [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }],
    [{ type: 'TextQuoteSelector', exact: '   ', prefix: 'x', suffix: 'y' }],
    [{ type: 'TextQuoteSelector', exact: 42 }],
    [null, 7, 'x', { type: 'Nope' }],
    [{ type: 'TextQuoteSelector', exact: 'zzzqqqxxx not in the page', prefix: '', suffix: '' }],
    [
      { type: 'TextQuoteSelector', exact: 'deficit', prefix: 'the ', suffix: ' would' },
      { type: 'TextPositionSelector', start: -5, end: 1e12 },
    ],
    null,
    'not an array',
  ];
  garbage.forEach((sel, i) => {
    it(`garbage #${i} gives null or a valid match without throwing`, () => {
      const root = dom(ARTICLE);
      const got = anchor(root, sel as Selector[]);
      if (i === 7) expect(renderedText(root, got!.range)).toBe('deficit');
      else expect(got).toBeNull();
    });
  });

  it('a quote with a missing prefix and suffix still anchors when unique and long enough', () => {
    const root = dom(ARTICLE);
    const got = anchor(root, [
      { type: 'TextQuoteSelector', exact: 'They called it a fiction', prefix: '', suffix: '' },
    ]);
    // No context at all: not enough evidence, orphaned.
    expect(got).toBeNull();
  });

  it('accepts quotes with raw whitespace from other tools', () => {
    const root = dom(ARTICLE);
    const got = anchor(root, [
      {
        type: 'TextQuoteSelector',
        exact: 'rejected\n  the   plan.',
        prefix: 'Opposition leaders ',
        suffix: '',
      },
    ])!;
    expect(renderedText(root, got.range)).toBe('rejected the plan.');
  });
});

suite('anchorAll', () => {
  it('anchors a batch in order with one index', async () => {
    const root = dom(ARTICLE);
    const sels = ['deficit would fall', 'Opposition leaders', 'Health: up 5 percent'].map(n =>
      describeText(root, n),
    );
    const res = await anchorAll(root, [...sels, []], { sliceMs: 0 });
    expect(res.map(r => (r ? renderedText(root, r.range) : null))).toEqual([
      'deficit would fall',
      'Opposition leaders',
      'Health: up 5 percent',
      null,
    ]);
  });
});
