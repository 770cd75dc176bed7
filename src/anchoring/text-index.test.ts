// @vitest-environment jsdom
import { describe as suite, expect, it } from 'vitest';
import { normalizeText, TextIndex } from './text-index';
import { invalidateTextIndex, releaseTextIndex, textIndexFor, textIndexForSliced } from './index-cache';

function dom(html: string): HTMLElement {
  const el = document.createElement('div');
  // eslint-disable-next-line no-unsanitized/property -- fixtures are string literals in this file
  el.innerHTML = html;
  return el;
}

suite('TextIndex text model', () => {
  it('collapses whitespace and treats blocks and <br> as spaces', () => {
    const root = dom(
      '<p>Hello   <b>big</b>\n world</p><p>Next</p>line<br>break<ul><li>a</li><li>b</li></ul>',
    );
    expect(TextIndex.build(root).text).toBe('Hello big world Next line break a b ');
  });

  it('excludes script, style, noscript, template and hidden content', () => {
    const root = dom(
      'A<script>var x = 1;</script><style>p{}</style><noscript>ns</noscript><template>t</template>' +
        '<span hidden>secret</span>B<div hidden><p>gone</p></div>C',
    );
    expect(TextIndex.build(root).text).toBe('ABC'); // a hidden block renders nothing, not even a break
  });

  it('joins inline elements without a space and table cells with one', () => {
    const root = dom('<table><tr><td>x<i>y</i></td><td>z</td></tr></table>');
    expect(TextIndex.build(root).text).toBe('xy z ');
  });

  it('drops soft hyphens and zero-width spaces, maps NBSP to a space', () => {
    const root = dom('in\u00adcred\u200bible a\u00a0\u00a0b');
    expect(TextIndex.build(root).text).toBe('incredible a b');
    expect(normalizeText('in\u00adcred\u200bible a\u00a0\u00a0b\n\n c')).toBe('incredible a b c');
  });

  it('maps rendered offsets to DOM points and back', () => {
    const root = dom('<p>ab  cd</p><p>ef</p>');
    const idx = TextIndex.build(root);
    expect(idx.text).toBe('ab cd ef ');
    const p1 = root.firstChild!.firstChild as Text;
    const p2 = root.lastChild!.firstChild as Text;
    expect(idx.pointBefore(3)).toEqual({ node: p1, offset: 4 });
    expect(idx.pointAfter(5)).toEqual({ node: p1, offset: 6 });
    expect(idx.pointBefore(5)).toEqual({ node: p2, offset: 0 }); // synthetic space -> next text
    expect(idx.offsetOf(p1, 3)).toBe(3); // inside the collapsed run -> before 'c'
    expect(idx.offsetOf(p2, 1)).toBe(7);
    expect(idx.offsetOf(root, 1)).toBe(6); // before the second <p>
    expect(idx.offsetOf(root, 2)).toBe(9); // end of root
    expect(idx.offsetOf(document.body, 0)).toBeNull(); // outside root
    const r = idx.rangeFor(3, 8)!;
    expect(r.toString()).toBe('cdef');
  });

  it('handles a Text node as root and an empty root', () => {
    const t = document.createTextNode('  just text ');
    const idx = TextIndex.build(t);
    expect(idx.text).toBe('just text ');
    expect(idx.rangeFor(0, 4)!.toString()).toBe('just');
    expect(TextIndex.build(dom('')).text).toBe('');
    expect(TextIndex.build(dom('')).rangeFor(0, 1)).toBeNull();
  });
});

suite('textIndexFor cache', () => {
  it('reuses the index until the subtree changes, synchronously', () => {
    const root = dom('<p>one</p>');
    document.body.appendChild(root);
    const a = textIndexFor(root);
    expect(textIndexFor(root)).toBe(a);
    (root.firstChild!.firstChild as Text).data = 'two';
    const b = textIndexFor(root);
    expect(b).not.toBe(a);
    expect(b.text).toBe('two ');
    root.firstElementChild!.setAttribute('hidden', '');
    expect(textIndexFor(root).text).toBe('');
    invalidateTextIndex(root);
    const c = textIndexFor(root);
    expect(textIndexFor(root)).toBe(c);
    releaseTextIndex(root);
    expect(textIndexFor(root)).not.toBe(c);
    releaseTextIndex(root);
    root.remove();
  });
});

suite('sliced build', () => {
  const PAGE = Array.from(
    { length: 400 },
    (_, i) => `<p>Paragraph ${i} with <b>bold</b> text<br>and a break</p><ul><li>item ${i}</li></ul>`,
  ).join('');

  it('equals the one-go build, walked in several slices', async () => {
    const root = dom(PAGE);
    let asks = 0;
    let yields = 0;
    const sliced = await TextIndex.buildSliced(root, {
      shouldYield: () => ++asks % 2 === 0,
      yieldFn: async () => void yields++,
    });
    const whole = TextIndex.build(root);
    expect(yields).toBeGreaterThan(3);
    expect(sliced?.text).toBe(whole.text);
    const t = root.querySelectorAll('b')[123]!.firstChild as Text;
    const r = document.createRange();
    r.setStart(t, 1);
    r.setEnd(t, 3);
    expect(sliced?.spanOf(r)).toEqual(whole.spanOf(r));
    expect(sliced?.rangeFor(100, 180)?.toString()).toBe(whole.rangeFor(100, 180)?.toString());
  });

  it('gives null when the page reports a change during a pause', async () => {
    const root = dom(PAGE);
    const got = await TextIndex.buildSliced(root, {
      shouldYield: () => true,
      yieldFn: async () => {},
      stale: () => true,
    });
    expect(got).toBeNull();
  });

  it('textIndexForSliced restarts after a mutation between slices and caches the result', async () => {
    const root = dom(PAGE);
    document.body.appendChild(root);
    let mutated = false;
    const idx = await textIndexForSliced(root, {
      shouldYield: () => true,
      yieldFn: async () => {
        if (!mutated) {
          mutated = true;
          root.querySelector('p')!.textContent = 'Rewritten first paragraph';
        }
      },
    });
    expect(idx.text.startsWith('Rewritten first paragraph ')).toBe(true);
    expect(idx.text).toBe(TextIndex.build(root).text);
    expect(textIndexFor(root)).toBe(idx);
    releaseTextIndex(root);
    root.remove();
  });
});

suite('isBreak', () => {
  it('marks synthetic block spaces and page whitespace that a block boundary collapsed into', () => {
    const idx = TextIndex.build(dom('<p>one two\n</p><p>three</p>four<br>five'));
    expect(idx.text).toBe('one two three four five');
    const at = (w: string): number => idx.text.indexOf(w);
    expect(idx.isBreak(at('two') + 3)).toBe(true); // "two\n" then </p>: the page's newline is the boundary
    expect(idx.isBreak(at('three') + 5)).toBe(true); // synthetic
    expect(idx.isBreak(at('four') + 4)).toBe(true); // <br>
    expect(idx.isBreak(at('one') + 3)).toBe(false); // an ordinary space
  });
});
