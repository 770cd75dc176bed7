/** Levenshtein distance of a and b (two-row DP, O(|a|·|b|) time). Callers bound the lengths. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/**
 * Fewest edits turning `pattern` into text that starts exactly at `at` (dir 1: text[at, at+k)) or ends
 * exactly at `at` (dir -1: text[at-k, at)), over every length k up to pattern.length + slack. This is how well
 * a stored context fits when it is required to touch the candidate, as opposed to the best match anywhere
 * nearby. O(|pattern| · (|pattern| + slack)).
 */
export function anchoredDistance(
  pattern: string,
  text: string,
  at: number,
  dir: 1 | -1,
  slack: number,
): number {
  const m = pattern.length;
  if (m === 0) return 0;
  const avail = dir === 1 ? text.length - at : at;
  const n = Math.max(0, Math.min(avail, m + slack));
  if (n === 0) return m;
  // Row over the text characters consumed away from `at`; pattern characters are taken in the same direction.
  let prev = new Uint32Array(n + 1);
  let cur = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = pattern.charCodeAt(dir === 1 ? i - 1 : m - i);
    for (let j = 1; j <= n; j++) {
      const tc = text.charCodeAt(dir === 1 ? at + j - 1 : at - j);
      const sub = (prev[j - 1] as number) + (ca === tc ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  let best = prev[0] as number;
  for (let j = 1; j <= n; j++) if ((prev[j] as number) < best) best = prev[j] as number;
  return best;
}
