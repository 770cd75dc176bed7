/**
 * Per-task attribution of the content script's work from a Chromium trace (issue 8: "the content script's
 * work causes no long task over 50 ms"). One trace holds both the renderer's tasks (RunTask: wall `dur` and
 * thread-CPU `tdur`) and V8's CPU samples (Profile/ProfileChunk) on the same clock, so each task gets the
 * time its samples spent inside our scripts (any chrome-extension:// frame on the stack: content.js and the
 * analysis.js it imports).
 *
 * Why not the page's PerformanceObserver alone: a long task says nothing about whose code ran in it, and on a
 * loaded machine a task's wall time includes the time the thread was descheduled. Why not the longest run
 * of consecutive samples in a CPU profile: two of our slices separated by a yield that lasts less than a
 * sample interval would read as one stretch. Here a task boundary is exact, and `oursCpuMs` scales our
 * sampled time by the task's CPU/wall ratio (tdur/dur), which takes the descheduled time out.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: {
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string };
}

export interface TaskShare {
  /** Task start, ms since the trace's first task of that thread. */
  atMs: number;
  /** Wall time of the task. */
  durMs: number;
  /** Thread CPU time of the task (null when the trace has none). */
  cpuMs: number | null;
  /** Sampled wall time inside our scripts during the task. */
  oursMs: number;
  /** oursMs scaled by cpu/wall: our CPU time in the task, robust to a loaded machine. */
  oursCpuMs: number;
  /** Where our time went (innermost frame of ours: function, file:line), largest first; top 3 tasks only. */
  where?: Array<[string, number]>;
}

export interface Attribution {
  /** Tasks in which our scripts ran, longest share first (at most 10 kept). */
  top: TaskShare[];
  tasksWithOurCode: number;
  /** The largest oursCpuMs over all tasks: the figure held to 50 ms. */
  longestOursCpuMs: number;
  /** The largest oursMs (wall, includes descheduled time). */
  longestOursMs: number;
  /** Our sampled time over the whole trace. */
  totalOursMs: number;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
].join(',');

/** Starts a browser-wide trace through `cdp`; the returned function ends it and yields its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', e => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise(resolve => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

interface Profile {
  pid: number;
  tid: number;
  startTime: number;
  nodes: Map<number, ProfileNode>;
  samples: number[];
  deltas: number[];
}

function profilesOf(events: TraceEvent[]): Profile[] {
  const byKey = new Map<string, Profile>();
  for (const e of events) {
    if (e.name !== 'Profile') continue;
    byKey.set(`${e.pid}:${e.id}`, {
      pid: e.pid,
      tid: e.tid,
      startTime: e.args?.data?.startTime ?? e.ts,
      nodes: new Map(),
      samples: [],
      deltas: [],
    });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const p = byKey.get(`${e.pid}:${e.id}`);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    p.samples.push(...(data.cpuProfile?.samples ?? []));
    p.deltas.push(...(data.timeDeltas ?? []));
  }
  return [...byKey.values()];
}

/**
 * Attributes the renderer tasks of the process whose profile contains `scriptSuffix` (e.g. '/content.js'
 * of a chrome-extension:// URL: the tab's renderer, not the service worker's) to our code.
 */
export function attribute(events: TraceEvent[], scriptSuffix = '/content.js'): Attribution | null {
  const isOurs = (url: string | undefined) => !!url && url.startsWith('chrome-extension://');
  const profile = profilesOf(events).find(p =>
    [...p.nodes.values()].some(n => isOurs(n.callFrame.url) && n.callFrame.url!.endsWith(scriptSuffix)),
  );
  if (!profile) return null;
  const ours = new Map<number, boolean>();
  /** The innermost frame of ours on a sample's stack, as "function file:line". */
  const frameOf = (id: number): string => {
    for (
      let n = profile.nodes.get(id);
      n;
      n = n.parent === undefined ? undefined : profile.nodes.get(n.parent)
    ) {
      const url = n.callFrame.url;
      if (isOurs(url)) {
        const { lineNumber: line = -1, columnNumber: col = -1 } = n.callFrame as {
          lineNumber?: number;
          columnNumber?: number;
        };
        return `${n.callFrame.functionName || '(anonymous)'} ${url!.slice(url!.lastIndexOf('/') + 1)}:${line + 1}:${col + 1}`;
      }
    }
    return '?';
  };
  const oursOf = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const n = profile.nodes.get(id);
    const v = !!n && (isOurs(n.callFrame.url) || (n.parent !== undefined && oursOf(n.parent)));
    ours.set(id, v);
    return v;
  };
  // Sample i is taken at startTime + deltas[0..i]; it stands for the time until the next sample.
  const times: number[] = [];
  const weights: number[] = [];
  const mine: boolean[] = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.deltas[i] ?? 0;
    times.push(t);
    weights.push(profile.deltas[i + 1] ?? 0);
    mine.push(oursOf(profile.samples[i]!));
  }
  const firstAtOrAfter = (ts: number): number => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < ts) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Top-level tasks of the profiled (main) thread; a nested RunTask belongs to its outer task.
  const tasks = events
    .filter(e => e.name === 'RunTask' && e.ph === 'X' && e.pid === profile.pid && e.tid === profile.tid)
    .sort((a, b) => a.ts - b.ts);
  const origin = tasks[0]?.ts ?? 0;
  const shares: TaskShare[] = [];
  const taskOf = new Map<TaskShare, TraceEvent>();
  let end = -Infinity;
  let totalOursMs = 0;
  for (const task of tasks) {
    const dur = task.dur ?? 0;
    if (task.ts < end) continue;
    end = task.ts + dur;
    let oursUs = 0;
    for (let i = firstAtOrAfter(task.ts); i < times.length && times[i]! < end; i++)
      if (mine[i]) oursUs += weights[i]!;
    if (oursUs === 0) continue;
    totalOursMs += oursUs / 1000;
    const ratio = task.tdur !== undefined && dur > 0 ? Math.min(1, task.tdur / dur) : 1;
    const share: TaskShare = {
      atMs: Math.round((task.ts - origin) / 1000),
      durMs: round(dur / 1000),
      cpuMs: task.tdur !== undefined ? round(task.tdur / 1000) : null,
      oursMs: round(oursUs / 1000),
      oursCpuMs: round((oursUs * ratio) / 1000),
    };
    shares.push(share);
    taskOf.set(share, task);
  }
  shares.sort((a, b) => b.oursCpuMs - a.oursCpuMs);
  for (const worst of shares.slice(0, 3)) {
    const task = taskOf.get(worst);
    if (task) {
      const by = new Map<string, number>();
      for (let i = firstAtOrAfter(task.ts); i < times.length && times[i]! < task.ts + (task.dur ?? 0); i++) {
        if (!mine[i]) continue;
        const f = frameOf(profile.samples[i]!);
        by.set(f, (by.get(f) ?? 0) + weights[i]! / 1000);
      }
      worst.where = [...by]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([f, ms]) => [f, round(ms)]);
    }
  }
  return {
    top: shares.slice(0, 10),
    tasksWithOurCode: shares.length,
    longestOursCpuMs: shares[0]?.oursCpuMs ?? 0,
    longestOursMs: shares.reduce((m, s) => Math.max(m, s.oursMs), 0),
    totalOursMs: round(totalOursMs),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
