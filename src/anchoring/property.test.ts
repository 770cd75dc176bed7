// @vitest-environment jsdom
import fc from 'fast-check';
import { describe as suite, expect, it } from 'vitest';
import type { TextPositionSelector, TextQuoteSelector } from '../shared/types';
import { anchor, describe, normalizeText, renderedText, TextIndex } from './index';

/** A random document tree: blocks, inline formatting, <br>, excluded script and hidden content, odd spacing. */
type Tree = { tag: string; hidden?: boolean; kids: Tree[] } | string;

const word = fc.constantFrom(
  'alpha',
  'beta',
  'gamma',
  'the',
  'a',
  'delta',
  '42',
  'x',
  'Über',
  'naïve',
  '—',
  '.',
);
const space = fc.constantFrom(' ', '  ', '\n', '\n  ', '\t', '\u00a0', '');
const textLeaf: fc.Arbitrary<Tree> = fc
  .array(fc.tuple(word, space), { minLength: 0, maxLength: 6 })
  .map(parts => parts.map(([w, s]) => w + s).join(''));

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textLeaf,
    fc.record({
      tag: fc.constantFrom('p', 'div', 'span', 'b', 'li', 'h2', 'td', 'br', 'script', 'em', 'blockquote'),
      hidden: fc.integer({ min: 0, max: 9 }).map(n => n === 0),
      kids: fc.array(tie('node'), { maxLength: 4 }),
    }),
  ),
})).node;

function build(doc: Document, t: Tree): Node {
  if (typeof t === 'string') return doc.createTextNode(t);
  const el = doc.createElement(t.tag);
  if (t.hidden) el.setAttribute('hidden', '');
  if (t.tag === 'script') el.textContent = 'var x = "alpha beta";';
  else if (t.tag !== 'br') for (const k of t.kids) el.appendChild(build(doc, k));
  return el;
}

/** All boundary points (node, offset) in the subtree, in no particular order. */
function points(root: Node): [Node, number][] {
  const out: [Node, number][] = [];
  const visit = (n: Node): void => {
    if (n.nodeType === 3) for (let i = 0; i <= (n as Text).data.length; i++) out.push([n, i]);
    else {
      for (let i = 0; i <= n.childNodes.length; i++) out.push([n, i]);
      n.childNodes.forEach(visit);
    }
  };
  visit(root);
  return out;
}

suite('property: describe then anchor', () => {
  it('returns a range with the same rendered text, at the same position', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (kids, i, j) => {
        const root = document.createElement('div');
        for (const k of kids) root.appendChild(build(document, k));
        document.body.appendChild(root);
        try {
          const pts = points(root);
          const a = pts[i % pts.length]!;
          const b = pts[j % pts.length]!;
          const range = document.createRange();
          range.setStart(a[0], a[1]);
          range.setEnd(a[0], a[1]);
          if (range.comparePoint(b[0], b[1]) >= 0) range.setEnd(b[0], b[1]);
          else range.setStart(b[0], b[1]);
          const want = renderedText(root, range).trim();
          const sel = describe(root, range);
          if (want === '') {
            expect(sel).toEqual([]);
            return;
          }
          const quote = sel[0] as TextQuoteSelector;
          const pos = sel[1] as TextPositionSelector;
          expect(quote.exact).toBe(want);
          const got = anchor(root, sel);
          expect(got).not.toBeNull();
          expect(got!.method).toBe('position');
          expect([got!.start, got!.end]).toEqual([pos.start, pos.end]);
          expect(renderedText(root, got!.range)).toBe(want);
        } finally {
          root.remove();
        }
      }),
      { numRuns: 300, seed: 20261126 },
    );
  });
});

suite('property: one text model', () => {
  it('normalizeText applies the same whitespace model as the index', () => {
    const chars = fc.constantFrom(
      'a',
      'b',
      ' ',
      '  ',
      '\n',
      '\t',
      '\u00a0',
      '\u00ad',
      '\u200b',
      '\u3000',
      'é',
      '.',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), parts => {
        const s = parts.join('');
        expect(TextIndex.build(document.createTextNode(s)).text).toBe(normalizeText(s).replace(/^ /, ''));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
