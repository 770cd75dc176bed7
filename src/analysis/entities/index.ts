/**
 * People, organisations and places an article is about, rule-based: capitalised runs, a roles
 * lexicon ("German Defense Minister Boris Pistorius"), apposition ("James Mingus, Vice Chief of
 * Staff of the U.S. Army"), organisation cues (Inc., Army, Ministry, acronyms), a small gazetteer,
 * and merging of mentions ("President Trump" + "Trump"). Never throws; no NLP dependency.
 */
import type { Entity, EntityKind } from '../types';
import {
  COMMON_CAPS,
  FOREIGN_ARTICLES,
  FOREIGN_FUNCTION_WORDS,
  CONNECTORS,
  DEMONYMS,
  HONORIFICS,
  KNOWN_ORGS,
  ORG_HEADS,
  ORG_TAILS,
  PLACES,
  PLACE_ALIAS,
  ROLES,
  SPEECH,
} from './lexicon';
import { abbreviationAfter, bylineBefore, handleAfter, orgIntroBefore, roleBefore } from './cues';
import { wordTokens, type WTok } from './tokens';

export interface EntityOptions {
  lang?: string | null;
  title?: string | null;
  /** Cap on key entities (default 10). */
  maxKey?: number;
}

// Kinds as constants: each is compared or passed many times below.
const PERSON: EntityKind = 'person';
const ORG: EntityKind = 'organization';
const PLACE: EntityKind = 'place';

interface Acc {
  name_: string;
  kind_: EntityKind;
  role_: string;
  mentions_: number;
  first_: number;
}

const PLACE_TAILS = new Set(
  'county|city|province|state|island|islands|region|valley|river|sea|ocean|mountains|street|airport|bay|lake|peninsula|strait|district'.split(
    '|',
  ),
);
const NOT_ACRONYM = new Set(
  'I|A|VIP|TV|GDP|AM|PM|OK|PC|ID|AI|CEO|CFO|COO|CTO|PR|VR|AR|HQ|ET|PT|GMT|UTC|EST|PST|DIY|FAQ|USB|HD|DNA|LED|LCD|SUV|IPO|MVP|NFT|II|III|IV|VI|VII|VIII|IX|XI|XII'.split(
    '|',
  ),
);
const MAX_ROLE_WORDS = 5;
/** A word shaped like part of a person's name: "Kuo", "Ming-Chi", "O'Brien", "McDonald"; not "AirPods". */
const NAME_WORD = /^(?:Mc|Mac|De|Di|Da|La|Le)?\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*(?:['’]s|\.)?$/u;

const isAcronym = (t: string): boolean =>
  /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u.test(t) && !NOT_ACRONYM.has(t);
const stripPoss = (t: string): string => t.replace(/['’]s$/, '');

/** Longest role (in lower-case words) starting at word k of `ws`; returns its length in words. */
function roleAt(ws: string[], k: number): number {
  for (let n = Math.min(MAX_ROLE_WORDS, ws.length - k); n >= 1; n--) {
    if (ROLES.has(ws.slice(k, k + n).join(' '))) return n;
  }
  return 0;
}

function classify(name: string): EntityKind | null {
  const l = name.toLowerCase().replace(/^the\s+/, '');
  if (KNOWN_ORGS.has(l)) return ORG;
  if (PLACES.has(l)) return PLACE;
  const ws = l.split(/\s+/);
  const last = ws[ws.length - 1]!;
  if (ORG_TAILS.has(last) && ws.length > 1) return ORG;
  if (PLACE_TAILS.has(last) && ws.length > 1) return PLACE;
  if (ws.length > 2 && ws.some((w, k) => ORG_HEADS.has(w) && (ws[k + 1] === 'of' || ws[k + 1] === 'on')))
    return ORG;
  if (ws.length === 1 && isAcronym(name)) return ORG;
  return null;
}

const canonical = (name: string, kind: EntityKind): string => {
  const n = name.replace(/^the\s+/i, '');
  if (kind === PLACE) return PLACE_ALIAS[n.toLowerCase()] ?? n;
  return n;
};

export function extractEntities(text: string, opts: EntityOptions = {}): Entity[] {
  if (typeof text !== 'string' || !text) return [];
  const toks = wordTokens(text);
  const lang = (opts.lang ?? '').slice(0, 2).toLowerCase();
  const local = FOREIGN_FUNCTION_WORDS[lang];
  const articles = FOREIGN_ARTICLES[lang];
  const byKey = new Map<string, Acc>();
  const surnames = new Map<string, Acc>();
  const pending: { name_: string; s: number }[] = [];

  const add = (nameIn: string, kind: EntityKind, s: number, role = ''): void => {
    const name = canonical(nameIn.trim(), kind);
    if (!name || name.length < 2) return;
    if (kind === PERSON) {
      const parts = name.split(/\s+/);
      const sur = parts[parts.length - 1]!.toLowerCase();
      let acc = surnames.get(sur);
      if (!acc) {
        acc = { name_: name, kind_: kind, role_: role, mentions_: 0, first_: s };
        surnames.set(sur, acc);
        byKey.set('person:' + sur, acc);
      }
      if (name.length > acc.name_.length) acc.name_ = name;
      if (role && role.length > acc.role_.length) acc.role_ = role;
      acc.mentions_++;
      acc.first_ = Math.min(acc.first_, s);
      return;
    }
    const key = kind + ':' + name.toLowerCase();
    const acc = byKey.get(key) ?? { name_: name, kind_: kind, role_: '', mentions_: 0, first_: s };
    acc.mentions_++;
    acc.first_ = Math.min(acc.first_, s);
    byKey.set(key, acc);
  };

  /** The words after the last "of" (without "the"), when they name an organisation or a place. */
  const addOfTail = (ws: WTok[]): void => {
    const tail = ws.slice(ws.map(w => w.l).lastIndexOf('of') + 1).filter(w => w.l !== 'the');
    const tn = tail.map(w => w.t).join(' ');
    const k = tn ? classify(tn) : null;
    if (k) add(tn, k, tail[0]!.s);
  };

  /** A role phrase starting at token i: "Vice Chief of Staff of the U.S. Army" up to , . ; or "and". */
  const rolePhrase = (i: number): { role: string; j: number } | null => {
    let j = i;
    const ws: string[] = [];
    while (j < toks.length && toks[j]!.word_ && ws.length < 12) {
      ws.push(toks[j]!.l);
      j++;
    }
    let found = -1;
    for (let k = 0; k < Math.min(ws.length, 4); k++)
      if (roleAt(ws, k)) {
        found = k;
        break;
      }
    if (found < 0) return null;
    // The phrase ends before a lower-case verb-like word after the role ("..., said" / "..., who").
    let end = i + found + roleAt(ws, found);
    while (end < j && (toks[end]!.cap_ || CONNECTORS.has(toks[end]!.l) || ROLES.has(toks[end]!.l))) end++;
    while (end > i && CONNECTORS.has(toks[end - 1]!.l)) end--;
    return { role: text.slice(toks[i]!.s, toks[end - 1]!.e), j: end };
  };

  // Abbreviations defined in parentheses right after a name ("Kospi Index (KOSPI)"): not separate entities.
  const skip = new Set<number>();
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (!t.word_ || !t.cap_ || skip.has(i)) {
      i++;
      continue;
    }
    // Collect a capitalised run with inner connectors ("Bank of England", "Vice Chief of Staff of the U.S. Army").
    const run: WTok[] = [];
    let j = i;
    while (j < toks.length) {
      const w = toks[j]!;
      // A name ends where a sentence or a line does: table cells and list items sit on their own lines.
      if (w.word_ && w.cap_ && !(w.start_ && run.length)) {
        run.push(w);
        j++;
        if (/['’]s$/.test(w.t)) break;
        continue;
      }
      // "on" joins only after an organisation noun: "National Institute on Drug Abuse", "Council on ...".
      const onOrg =
        w.l === 'on' &&
        run.length > 0 &&
        ORG_HEADS.has(run[run.length - 1]!.l) &&
        !COMMON_CAPS.has(toks[j + 1]?.l ?? 'the');
      if (w.word_ && (CONNECTORS.has(w.l) || onOrg) && run.length) {
        let k = onOrg ? j + 1 : j;
        while (k < toks.length && toks[k]!.word_ && CONNECTORS.has(toks[k]!.l)) k++;
        if (toks[k]?.word_ && toks[k]!.cap_ && !toks[k]!.start_ && k - j <= 2) {
          for (let q = j; q < k; q++) run.push(toks[q]!);
          j = k;
          continue;
        }
      }
      break;
    }
    // A capitalised "The" inside a sentence starts a name ("The Hill", "The Associated Press").
    const theName =
      run[0]?.t === 'The' &&
      !run[0].start_ &&
      run.length <= 3 &&
      !run.some(w => CONNECTORS.has(w.l) && w !== run[0]);
    // Drop sentence-initial common words ("The", "However", "In").
    while (run.length && run[0]!.start_ && COMMON_CAPS.has(stripPoss(run[0]!.l))) run.shift();
    if (local) {
      while (run.length && local.has(run[0]!.l)) run.shift();
      while (run.length && local.has(run[run.length - 1]!.l)) run.pop();
    }
    // "Shares of Acme Holdings": a sentence-initial noun before "of" is not part of the name.
    if (
      run.length > 2 &&
      run[0]!.start_ &&
      run[1]!.l === 'of' &&
      !ORG_HEADS.has(run[0]!.l) &&
      !ROLES.has(run[0]!.l)
    )
      run.splice(0, 2);
    while (run.length && CONNECTORS.has(run[0]!.l)) run.shift();
    while (run.length && CONNECTORS.has(run[run.length - 1]!.l)) run.pop();
    i = j;
    if (!run.length) continue;
    const ab = abbreviationAfter(toks, j, isAcronym);
    if (ab >= 0) skip.add(ab);
    // "Pittsburgh Brock Nelson": a place or organisation before a two-word name is its own entity.
    if (
      run.length === 3 &&
      !run.some(w => ROLES.has(w.l)) &&
      run.slice(1).every(w => NAME_WORD.test(w.t)) &&
      !classify(run.map(w => w.t).join(' '))
    ) {
      const head = stripPoss(run[0]!.t);
      const k = classify(head);
      if (k) {
        add(head, k, run[0]!.s);
        run.shift();
      }
    }
    const ws = run.map(w => stripPoss(w.l));
    const s0 = run[0]!.s;
    // Role inside the run: [modifiers] ROLE [Name].
    let rk = -1;
    let rn = 0;
    for (let k = 0; k < ws.length; k++) {
      rn = roleAt(ws, k);
      if (rn) {
        rk = k;
        break;
      }
    }
    if (rk >= 0) {
      const nameToks = run.slice(rk + rn).filter(w => !CONNECTORS.has(w.l));
      const hasOf = run.slice(rk + rn).some(w => w.l === 'of');
      const mods = run.slice(0, rk);
      for (const m of mods) {
        const k = classify(stripPoss(m.t));
        if (k) add(stripPoss(m.t), k, m.s);
      }
      if (nameToks.length && !hasOf && nameToks.length <= 3) {
        const role = text.slice(s0, run[rk + rn - 1]!.e);
        const nm = nameToks.map(w => stripPoss(w.t)).join(' ');
        if (!classify(nm)) add(nm, PERSON, nameToks[0]!.s, role);
      } else if (hasOf) {
        // "Secretary of State", "Chief of Staff of the U.S. Army": the tail after the last "of" may be an org.
        addOfTail(run);
      }
      continue;
    }
    // Three or more words in capitals are a shouted headline or a table row, not a name.
    if (run.length >= 3 && run.every(w => !/\p{Ll}/u.test(w.t))) continue;
    const name = run
      .map(w => w.t)
      .join(' ')
      .replace(/['’]s$/, '');
    const kind = classify(name);
    const before = toks[run[0]!.i - 1];
    const after = toks[j];
    if (kind) {
      add(name, kind, s0);
      continue;
    }
    // Hyphenated pairs of places ("Russia-Ukraine conflict").
    if (run.length === 1 && run[0]!.t.includes('-')) {
      const parts = run[0]!.t.split('-');
      if (parts.every(p => PLACES.has(p.toLowerCase()) || KNOWN_ORGS.has(p.toLowerCase()))) {
        for (const p of parts) add(p, classify(p)!, s0);
        continue;
      }
    }
    if (ws.every(w => DEMONYMS.has(w))) continue;
    const personish = run.length <= 3 && run.every(w => NAME_WORD.test(w.t) && !CONNECTORS.has(w.l));
    const first = run[0]!.i;
    if (run.length <= 4 && orgIntroBefore(toks, first)) {
      add(name, ORG, s0);
      continue;
    }
    if (personish && run.length >= 2) {
      if (bylineBefore(toks, first) || handleAfter(toks, j)) {
        add(name, PERSON, s0);
        continue;
      }
      const rs = roleBefore(toks, first);
      if (rs >= 0) {
        add(name, PERSON, s0, text.slice(rs, toks[first - 1]!.e));
        continue;
      }
    }
    // "the Chargers", "the Chiefs": a plural proper noun after "the" names a team or group.
    if (
      run.length === 1 &&
      !run[0]!.start_ &&
      before?.l === 'the' &&
      /\p{Ll}s$/u.test(run[0]!.t) &&
      ![DEMONYMS, PLACES, surnames].some(l => l.has(ws[0]!.slice(0, -1)))
    ) {
      add(name, ORG, s0);
      continue;
    }
    // "CNN Business" (not an all-caps run: "IN SD"), and "The Hill" inside a sentence.
    if (
      (run.length >= 2 && isAcronym(run[0]!.t) && /\p{Ll}/u.test(run[1]!.t) && !COMMON_CAPS.has(ws[1]!)) ||
      theName
    ) {
      add(name, ORG, s0);
      continue;
    }
    // Apposition: "James Mingus, Vice Chief of Staff of the U.S. Army".
    if (after?.t === ',' && run.length >= 2 && run.length <= 3) {
      let k = j + 1;
      if (toks[k] && /^(the|a|an|former)$/.test(toks[k]!.l)) k++;
      const rp = rolePhrase(k);
      if (rp) {
        add(name, PERSON, s0, rp.role);
        // Orgs and places inside the role phrase.
        const inner = toks.slice(k, rp.j);
        if (inner.some(w => w.l === 'of')) addOfTail(inner);
        i = rp.j;
        continue;
      }
    }
    const honor = before && HONORIFICS.has(before.l.replace(/\.$/, ''));
    const speaks = after && SPEECH.has(after.l);
    const saidBefore = before && SPEECH.has(before.l) && /^[,"”’']$/.test(toks[before.i - 1]?.t ?? '');
    if (personish && (honor || speaks || saidBefore)) {
      add(name, PERSON, s0);
      continue;
    }
    // Weak evidence only from here on: not for a capitalised noun after an article (see FOREIGN_ARTICLES).
    if (articles && before && articles.has(before.l)) continue;
    if (personish && run.length >= 2) {
      pending.push({ name_: name, s: s0 });
      continue;
    }
    if (run.length === 1) pending.push({ name_: name, s: s0 });
  }
  // Second pass: multi-word names whose surname recurs; single words that are known surnames.
  const singles = new Map<string, number>();
  for (const p of pending)
    if (!p.name_.includes(' '))
      singles.set(p.name_.toLowerCase(), (singles.get(p.name_.toLowerCase()) ?? 0) + 1);
  for (const p of pending) {
    if (!p.name_.includes(' ')) continue;
    const sur = p.name_.split(' ').pop()!.toLowerCase();
    // "Los Angeles Lakers" when "the Lakers" was already read as a team.
    if (sur.endsWith('s') && byKey.has(ORG + ':' + sur)) add(p.name_, ORG, p.s);
    else if (surnames.has(sur) || singles.has(sur)) add(p.name_, PERSON, p.s);
  }
  for (const p of pending) {
    if (p.name_.includes(' ')) continue;
    const acc = surnames.get(p.name_.toLowerCase());
    if (acc) {
      acc.mentions_++;
      acc.first_ = Math.min(acc.first_, p.s);
    }
  }
  const all = [...byKey.values()];
  const titleL = (opts.title ?? '').toLowerCase();
  const score = (a: Acc): number =>
    a.mentions_ +
    (a.role_ ? 2 : 0) +
    (a.kind_ === PERSON ? 0.5 : 0) +
    (titleL.includes(a.name_.toLowerCase()) ? 2 : 0) +
    (1 - a.first_ / text.length);
  all.sort((a, b) => score(b) - score(a) || a.first_ - b.first_);
  const maxKey = opts.maxKey ?? 10;
  let nk = 0;
  return all.map(a => {
    const key = nk < maxKey && (a.mentions_ >= 2 || !!a.role_);
    if (key) nk++;
    return { name: a.name_, kind: a.kind_, role: a.role_, mentions: a.mentions_, first: a.first_, key };
  });
}
