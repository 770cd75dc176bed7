// @vitest-environment jsdom
/**
 * PageAnalyzer (src/content/page-analysis.ts) runs the sliced analysis: the same result as analyzePage on the
 * live document, one run shared by concurrent callers, the detector's verdict reused, and an invalidate()
 * during a run aborting it and giving its waiting callers a run for the page as it is now.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyzePage } from '../../src/analysis/analyze';
import { analyzePageSliced } from '../../src/analysis/sliced';
import { analyzeText, type TextStageInput } from '../../src/analysis/text-stage';
import type { BackgroundApi } from '../../src/content/api';
import { err, ok } from '../../src/shared/result';
import { detect } from '../../src/analysis/detect';
import type { Engine } from '../../src/content/engine';
import { PageAnalyzer, textStageIn, yieldToPage } from '../../src/content/page-analysis';

const html = readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/pages/nato-patriot/index.html'),
  'utf8',
);

/** Puts the sample article into jsdom's own document (it has a location, unlike a DOMParser document). */
function loadSample(): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.adoptNode(parsed.documentElement), document.documentElement);
  history.replaceState(null, '', '/europe/2025/07/21/nato-ukraine-patriot-air-defense.html');
}

/** The real engine, counting sliced runs and the pauses they take. */
function countingEngine() {
  const calls = { runs: 0, pauses: 0 };
  const engine: Engine = {
    analyzePageSliced: (doc, opts, slice) => {
      calls.runs++;
      return analyzePageSliced(doc, opts, { ...slice, sliceMs: 0 });
    },
  };
  const pause = async () => {
    calls.pauses++;
    await yieldToPage();
  };
  return { calls, load: () => Promise.resolve(engine), pause };
}

/** The text stage as the background runs it: on a structured clone of the input (a message). */
const textStage = async (input: TextStageInput) => analyzeText(structuredClone(input));

const withoutTimings = (a: { timings: unknown }) => ({ ...a, timings: null });

describe('PageAnalyzer', () => {
  beforeEach(loadSample);

  it('analyses the page in slices, with the same result as analyzePage', async () => {
    const { calls, load, pause } = countingEngine();
    const analyzer = new PageAnalyzer(document, load, { yield: pause, textStage });
    const state = await analyzer.get();
    const plain = analyzePage(document, { url: location.href });
    expect(withoutTimings(state.analysis)).toEqual(withoutTimings(plain.analysis));
    expect(state.root).toBe(plain.root);
    expect(calls.pauses).toBeGreaterThan(2);
    expect(analyzer.current).toBe(state);
    expect(await analyzer.get()).toBe(state);
    expect(calls.runs).toBe(1);
  });

  it('shares one run between concurrent callers and reuses the detector verdict', async () => {
    const { calls, load, pause } = countingEngine();
    const analyzer = new PageAnalyzer(document, load, { yield: pause, textStage });
    expect(analyzer.looksLikeArticle()).toBe(true);
    const verdict = detect(document, location.href);
    // A change the detector would count: the verdict handed over is the one from before it.
    const p = document.createElement('p');
    p.textContent = 'Forty more words. '.repeat(10);
    document.querySelector('.article-body')!.append(p);
    expect(detect(document, location.href).reasons).not.toEqual(verdict.reasons);
    const [a, b] = await Promise.all([analyzer.get(), analyzer.get()]);
    expect(a).toBe(b);
    expect(calls.runs).toBe(1);
    expect(a.analysis.isArticle).toBe(true);
    expect(a.analysis.reasons).toEqual(verdict.reasons);
  });

  it('restarts for the new page when invalidated during a run', async () => {
    const { calls, load } = countingEngine();
    let pauses = 0;
    const analyzer = new PageAnalyzer(document, load, {
      textStage,
      yield: async () => {
        // Half way through the first run, the page navigates (SPA) and the controller invalidates.
        if (++pauses === 3) {
          history.pushState(null, '', '/europe/2025/07/22/another-story.html');
          analyzer.invalidate();
        }
        await yieldToPage();
      },
    });
    const state = await analyzer.get();
    expect(calls.runs).toBe(2);
    expect(state.analysis.url).toMatch(/another-story\.html$/);
    expect(analyzer.current).toBe(state);
  });

  it('when the text stage fails: the page stage is returned with a reason, not cached, and retried', async () => {
    const { load, pause } = countingEngine();
    let fail = true;
    let stages = 0;
    const analyzer = new PageAnalyzer(document, load, {
      yield: pause,
      textStage: async input => {
        stages++;
        if (fail) throw new Error('the worker is not answering');
        return textStage(input);
      },
    });
    const first = await analyzer.get();
    expect(first.analysis.text.length).toBeGreaterThan(500);
    expect(first.analysis.figures).toEqual([]);
    expect(first.analysis.reasons.at(-1)).toBe(
      'key figures, people and summary unavailable: the worker is not answering',
    );
    expect(analyzer.current).toBeNull();
    fail = false;
    const second = await analyzer.get();
    expect(stages).toBe(2);
    expect(second.analysis.figures.some(f => f.key)).toBe(true);
    expect(second.analysis.summary.length).toBeGreaterThanOrEqual(3);
    expect(analyzer.current).toBe(second);
  });

  it('textStageIn asks the background, retrying once when it did not answer', async () => {
    const input: TextStageInput = {
      text: 'NATO has 15 Patriot systems.',
      blocks: [],
      lang: 'en',
      title: null,
    };
    const calls: string[] = [];
    let down = 1;
    const api = (async (type: string, arg: TextStageInput) => {
      calls.push(type);
      if (down-- > 0) return err('unavailable', 'no worker');
      return ok(analyzeText(arg));
    }) as unknown as BackgroundApi;
    const out = await textStageIn(api, input);
    expect(calls).toEqual(['analyzeText', 'analyzeText']);
    expect(out.figures.map(f => [f.text, f.counted])).toContainEqual(['15', 'Patriot systems']);
    down = 5;
    await expect(textStageIn(api, input)).rejects.toThrow('no worker');
  });

  it('yieldToPage resolves on a later task', async () => {
    let later = false;
    setTimeout(() => (later = true), 0);
    await yieldToPage();
    await new Promise(r => setTimeout(r, 0));
    expect(later).toBe(true);
  });
});
