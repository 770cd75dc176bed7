/**
 * The analysis in slices (issue 8: the content script causes no long task): the same steps as
 * analyzePage() (analyze.ts, pipeline.ts), run by runSliced (steps.ts), which pauses through an injected `yield`
 * whenever a slice has worked for `sliceMs` (default 8 ms). Pure: no extension API; the content script
 * injects a yield that gives the page a task turn, Node's default is setImmediate.
 *
 * Same result as analyzePage() on the same, unchanging document (tests/unit/analysis-sliced.test.ts),
 * `timings` aside. Budgets (`budgetMs`) count work time, not time spent paused (see steps.ts).
 *
 * The page may change while we are paused. detect runs inside one slice; the metadata step may pause inside
 * its body scan, and a change meanwhile only means its fields were read a moment apart (each is read whole);
 * the text stage reads the extracted string. The body step is the one whose result must match the page, so:
 * - a MutationObserver watches the document while the body step runs; when a change touched the parts
 *   the text was collected from (a mutation inside one of them, or one of them no longer connected), the
 *   text and its TextMap may not match the page, and the body step runs again, from a fresh walk; the
 *   last of BODY_RUNS runs goes without pausing, so a page that keeps rewriting its article still gets a
 *   consistent result (at the price of one long task);
 * - changes elsewhere in the page (a ticker, an ad, the page's own teaser lists) are ignored: they can
 *   only change how the root was chosen, as if the page had been analysed a moment earlier;
 * - `ignore(node)` drops mutations of the caller's own nodes (the content script's marks and UI);
 * - a change after the body step is the caller's to notice, as with analyzePage() (the content script
 *   re-analyses when its figure marks lose their text).
 * An aborted `signal` rejects the promise with the signal's reason at the next pause.
 */
import { analysisSteps, type AnalyzeOptions, type PageAnalysisResult, type StepHooks } from './pipeline';
import { PausingClock, runSliced, type SliceOptions, type SliceStats } from './steps';

export type { SliceOptions } from './steps';

export interface SlicedOptions extends SliceOptions {
  /** Nodes that are the caller's own (marks, UI hosts): their mutations are not page changes. */
  ignore?: (node: Node) => boolean;
  /**
   * The text stage (textStageSteps from text-stage.ts), run in the same slices. Without it the run ends
   * after the body step and the result's `deferred` holds the text stage's input (the content script
   * has the background run it). Passed in, not imported, so the content script's bundle leaves it out.
   */
  textStage?: StepHooks['textStage'];
}

export interface SlicedResult extends PageAnalysisResult {
  /** How the run was sliced (for tests and measurements). */
  slicing: SliceStats & { bodyRuns: number };
}

/** The MutationObserver constructor of the document's window (jsdom, browsers), else the global one. */
function observerFor(doc: Document): typeof MutationObserver | null {
  const view = doc.defaultView as (Window & { MutationObserver?: typeof MutationObserver }) | null;
  return (
    view?.MutationObserver ??
    (globalThis as { MutationObserver?: typeof MutationObserver }).MutationObserver ??
    null
  );
}

/** True when `r` is a change the page made inside one of `parts` (not one only of our own nodes). */
function touches(r: MutationRecord, parts: readonly Element[], ignore: (node: Node) => boolean): boolean {
  if (ignore(r.target)) return false;
  if (r.type === 'childList') {
    const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    if (nodes.length > 0 && nodes.every(ignore)) return false;
  }
  return parts.some(p => p === r.target || p.contains(r.target));
}

function bodyWatcher(doc: Document, ignore: (node: Node) => boolean) {
  const MO = observerFor(doc);
  if (!MO || !doc.documentElement) return undefined;
  return () => {
    const records: MutationRecord[] = [];
    const observer = new MO(list => records.push(...list));
    observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true });
    return {
      changed(parts: readonly Element[]): boolean {
        records.push(...observer.takeRecords());
        if (parts.some(p => !p.isConnected)) return true;
        return records.some(r => touches(r, parts, ignore));
      },
      stop(): void {
        observer.disconnect();
      },
    };
  };
}

/** analyzePage() in slices of about `sliceMs` of work each; see the module comment. */
export async function analyzePageSliced(
  doc: Document,
  opts: AnalyzeOptions,
  slice: SlicedOptions = {},
): Promise<SlicedResult> {
  const clock = new PausingClock(slice.now);
  const stats: SliceStats = { yields: 0, longestSliceMs: 0 };
  let bodyRuns = 0;
  const steps = analysisSteps(doc, opts, {
    clock,
    watchBody: doc ? bodyWatcher(doc, slice.ignore ?? (() => false)) : undefined,
    bodyRuns: n => (bodyRuns = n),
    textStage: slice.textStage,
  });
  const result = await runSliced(steps, slice, clock, stats);
  return { ...result, slicing: { ...stats, bodyRuns } };
}
