/**
 * Crash durability: the whole browser is killed (SIGKILL, no shutdown) at a random moment while saves are
 * in flight, then started again on the same profile. Every save the background confirmed before the kill
 * must be there, byte for byte, and nothing else may be half-written: a stored record is either one we
 * sent, whole, or absent. This is the user's "I saw it saved, then the machine froze" case, which a stopped
 * service worker (worker-death.e2e.ts) does not cover: here the IndexedDB backend dies mid-write too.
 *
 * Writes use `durability: 'strict'` (src/background/db/tx.ts), so a confirmed transaction has been
 * flushed by the browser before its reply; this test checks that promise under a process kill (an OS
 * crash or power loss, which would also drop the OS's own buffers, cannot be produced here).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { launchWithExtension, tempDir } from '../../scripts/lib/chromium.mjs';
import type { Annotation } from '../../src/shared/types';
import { extensionDir, repoRoot } from './harness';
import { annotationFor, openBridge, SOAK, seededRandom, sendFrom, writeRecord } from './reliability-kit';

const PAGE = 'https://news.example.org/2026/11/crash-durability.html';
const ROUNDS = SOAK ? 12 : 3;
/** More than a round can save before its kill, so that writes are always in flight when it lands. */
const PER_ROUND = 5_000;

/** The browser process of a profile: the one Chromium process with this --user-data-dir and no --type. */
function browserPid(userDataDir: string): number {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  for (const line of out.split('\n')) {
    const m = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (!m || !m[2]!.includes(`--user-data-dir=${userDataDir}`) || m[2]!.includes('--type=')) continue;
    return Number(m[1]);
  }
  throw new Error(`no browser process for ${userDataDir}`);
}

/** JSON with sorted keys, so that records compare by content, not by key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

describe('crash durability (browser killed mid-save)', () => {
  it(`keeps every confirmed save across ${ROUNDS} SIGKILLs of the browser, with no torn records`, async () => {
    const userDataDir = tempDir(repoRoot, 'e2e-crash-');
    const seed = Number(process.env.GLEANER_CRASH_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const sent = new Map<string, Annotation>();
    const confirmed = new Set<string>();
    const rounds: { confirmed: number; inFlightAtKill: number; killAfterMs: number }[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const { context, extensionId } = await launchWithExtension(extensionDir, { userDataDir });
      const bridge = await openBridge(context, extensionId);
      // Four writers at once, as from several tabs, so the kill lands inside a transaction more often.
      let next = 0;
      let killed = false;
      let inFlight = 0;
      const writer = async () => {
        while (!killed && next < PER_ROUND) {
          const a = annotationFor(PAGE, round, next++);
          sent.set(a.id, a);
          inFlight++;
          const reply = (await sendFrom(bridge, 'addAnnotation', [a]).catch(() => null)) as {
            ok?: boolean;
          } | null;
          if (!killed) inFlight--;
          if (!killed && reply?.ok) confirmed.add(a.id);
        }
      };
      const before = confirmed.size;
      const writers = Promise.all([writer(), writer(), writer(), writer()]);
      const killAfterMs = Math.round(300 + random() * 2200);
      await new Promise(r => setTimeout(r, killAfterMs));
      // Mark first: a reply that reaches Node after this point might have raced the kill, so it is not
      // counted as confirmed (the check below is then only stricter).
      killed = true;
      const inFlightAtKill = inFlight;
      process.kill(browserPid(userDataDir), 'SIGKILL');
      await writers;
      await context.close().catch(() => undefined);
      rounds.push({ confirmed: confirmed.size - before, inFlightAtKill, killAfterMs });
    }

    const { context, extensionId } = await launchWithExtension(extensionDir, { userDataDir });
    try {
      const bridge = await openBridge(context, extensionId);
      // The list is read in pages of 1,000 (the protocol's cap).
      const items: Annotation[] = [];
      for (let offset = 0; ; offset += 1000) {
        const reply = (await sendFrom(bridge, 'listAnnotations', [
          { pageUrl: PAGE, offset, limit: 1000 },
        ])) as { ok: true; value: { total: number; items: Annotation[] } } | { ok: false; error: unknown };
        if (!reply.ok) throw new Error(`listAnnotations failed: ${JSON.stringify(reply.error)}`);
        items.push(...reply.value.items);
        if (items.length >= reply.value.total || reply.value.items.length === 0) break;
      }
      const stored = new Map(items.map(a => [a.id, a]));
      const missing = [...confirmed].filter(id => !stored.has(id));
      // The background stamps `updated` with its own clock; everything else must be what was sent.
      const content = (a: Annotation | undefined) => canonical(a && { ...a, updated: undefined });
      const torn = [...stored.values()].filter(
        a => content(a) !== content(sent.get(a.id)) || Number.isNaN(Date.parse(a.updated)),
      );
      writeRecord('crash-durability', {
        seed,
        rounds: ROUNDS,
        attempted: sent.size,
        confirmed: confirmed.size,
        stored: stored.size,
        confirmedThenMissing: missing.length,
        tornRecords: torn.length,
        perRound: rounds,
      });
      console.log(
        `crash durability (seed ${seed}): ${ROUNDS} kills, ${sent.size} sent, ${confirmed.size} confirmed, ` +
          `${stored.size} stored, ${missing.length} confirmed-then-missing, ${torn.length} torn`,
      );
      expect(missing).toEqual([]);
      expect(torn).toEqual([]);
      // Every round confirmed something, or the kill came too early to test anything.
      expect(rounds.every(r => r.confirmed > 0)).toBe(true);
      // The library stays usable after the crashes: one more save and read.
      const extra = annotationFor(PAGE, 99, 0);
      expect(await sendFrom(bridge, 'addAnnotation', [extra])).toMatchObject({ ok: true });
      expect(await sendFrom(bridge, 'stats', [])).toMatchObject({
        ok: true,
        value: { annotations: stored.size + 1 },
      });
    } finally {
      await context.close();
    }
  });
});
