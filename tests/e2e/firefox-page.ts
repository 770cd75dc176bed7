/**
 * Page-side helpers of the Firefox e2e test (firefox.e2e.ts): what a reader sees, read from the page's own
 * realm over WebDriver BiDi, and trusted selections. Our UI lives in a CLOSED shadow root that BiDi cannot
 * pierce, so the toolbar is located by hit-testing from the page; nothing here hooks into the product.
 */
import { expect } from 'vitest';
import { evaluate, mouseDrag, type BiDi, type Point } from '../../scripts/lib/firefox.mjs';

/**
 * Drag-select `text` until the toolbar shows. The content script starts at document_idle, so a selection
 * made before it listens gets no toolbar: selecting again is the readiness check.
 */
export async function selectWithToolbar(bidi: BiDi, context: string, text: string): Promise<Box> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const { from, to } = await phraseEnds(bidi, context, text);
    await mouseDrag(bidi, context, from, to);
    expect(await evaluate(bidi, context, () => getSelection()!.toString())).toBe(text);
    for (let i = 0; i < 10; i++) {
      const box = await toolbarBox(bidi, context);
      if (box) return box;
      await new Promise(done => setTimeout(done, 100));
    }
  }
  throw new Error(`no selection toolbar after selecting: ${text}`);
}

/** The centre of the toolbar's first swatch (yellow): 1px border, 4px padding, then 28px swatches. */
export function firstSwatch(box: Box): Point {
  return { x: box.left + 1 + 4 + 14, y: (box.top + box.bottom) / 2 };
}

/** Centre of the first element matching `selector`, in viewport coordinates. */
export function centreOf(bidi: BiDi, context: string, selector: string): Promise<Point> {
  return evaluate(
    bidi,
    context,
    sel => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 };
    },
    selector,
  );
}

/** The texts drawn under ::highlight(gleaner-<name>), read from the page's own realm. */
export function highlightTexts(bidi: BiDi, context: string, name: string): Promise<string[]> {
  return evaluate(
    bidi,
    context,
    n => {
      const out: string[] = [];
      for (const r of CSS.highlights.get(`gleaner-${n}`) ?? []) out.push(r.toString());
      return out;
    },
    name,
  );
}

/** Viewport points just inside the first and last characters of `text` (scrolled to the centre). */
export async function phraseEnds(
  bidi: BiDi,
  context: string,
  text: string,
): Promise<{ from: Point; to: Point }> {
  const ends = await evaluate(
    bidi,
    context,
    t => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(t);
        if (i < 0) continue;
        n.parentElement!.scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const a = r.getBoundingClientRect();
        r.setStart(n, i + t.length - 1);
        r.setEnd(n, i + t.length);
        const b = r.getBoundingClientRect();
        return {
          from: { x: a.left + 1, y: (a.top + a.bottom) / 2 },
          to: { x: b.right - 1, y: (b.top + b.bottom) / 2 },
        };
      }
      return null;
    },
    text,
  );
  if (!ends) throw new Error(`text not on the page: ${text}`);
  return ends;
}

/**
 * The selection toolbar's panel, found from the page by hit-testing: the UI host is a full-viewport element
 * under <html> with pointer-events: none, and only its panels take hits, so the points where
 * elementFromPoint() returns the host outline the panel (its closed shadow root stays closed).
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function toolbarBox(bidi: BiDi, context: string): Promise<Box | null> {
  return evaluate(bidi, context, () => {
    const host = Array.from(document.documentElement.children).find(
      e => e !== document.head && e !== document.body,
    );
    if (!host || (host as HTMLElement).hidden) return null;
    const hit = (x: number, y: number) => document.elementFromPoint(x, y) === host;
    // A coarse grid finds a point of the panel (it is far larger than 8px); then walk to its edges.
    for (let y = 4; y < innerHeight; y += 8)
      for (let x = 4; x < innerWidth; x += 8) {
        if (!hit(x, y)) continue;
        let left = x;
        while (left > 0 && hit(left - 1, y)) left--;
        let right = x;
        while (right < innerWidth - 1 && hit(right + 1, y)) right++;
        const cx = Math.round((left + right) / 2);
        let top = y;
        while (top > 0 && hit(cx, top - 1)) top--;
        let bottom = y;
        while (bottom < innerHeight - 1 && hit(cx, bottom + 1)) bottom++;
        // Measure the width again on the middle row, clear of the rounded corners.
        const cy = Math.round((top + bottom) / 2);
        left = cx;
        while (left > 0 && hit(left - 1, cy)) left--;
        right = cx;
        while (right < innerWidth - 1 && hit(right + 1, cy)) right++;
        return { left, top, right, bottom };
      }
    return null;
  });
}
