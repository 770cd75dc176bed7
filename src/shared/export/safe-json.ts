/**
 * JSON parsing for untrusted files: size cap before anything else, a nesting-depth pre-scan (a
 * 10,000-deep file must not reach the parser's recursion), and a reviver that drops keys able to
 * reach a prototype (`__proto__`, `constructor`, `prototype`; JSON.parse keeps `__proto__` as an
 * own key that a later spread or Object.assign would turn into a prototype change).
 */
import { CallFailure } from '../result';

export const IMPORT_LIMITS = {
  chars: 50 * 1024 * 1024,
  depth: 32,
  annotations: 200_000,
  pages: 100_000,
} as const;

const DANGEROUS = new Set(['__proto__', 'constructor', 'prototype']);

/** Throws 'bad-request' when brackets nest deeper than `max` outside strings. */
export function checkDepth(text: string, max: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) throw new CallFailure('bad-request', `the file nests deeper than ${max} levels`);
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

export function safeParse(text: string, maxChars: number = IMPORT_LIMITS.chars): unknown {
  if (typeof text !== 'string') throw new CallFailure('bad-request', 'the file must be text');
  if (text.length > maxChars) {
    throw new CallFailure('too-large', `the file is over ${Math.round(maxChars / 1024 / 1024)} MB`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  checkDepth(body, IMPORT_LIMITS.depth);
  try {
    return JSON.parse(body, function (key, value: unknown) {
      return DANGEROUS.has(key) ? undefined : value;
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CallFailure('bad-request', `not valid JSON (${reason.slice(0, 200)})`);
  }
}
