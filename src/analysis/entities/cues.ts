/**
 * Context cues around a capitalised run that the run itself cannot give: a lower-case role or an
 * organisation noun right before it ("analyst Ming-Chi Kuo", "research firm Oanda"), a byline
 * ("Reporting by Will Dunham"), a social handle after a name, and an abbreviation defined in
 * parentheses ("Kospi Index (KOSPI)"). Each returns null/false when the cue is absent.
 */
import { FUNCTION_WORDS } from '../figures/function-words';
import { ROLES, SPEECH } from './lexicon';
import type { WTok } from './tokens';

/** Nouns that introduce an organisation's name ("publication DigiTimes", "retailer Home Depot"). */
const ORG_INTRO = new Set(
  (
    'firm company publication journal magazine newspaper broadcaster network outlet agency group bank lender insurer ' +
    'retailer startup carrier airline manufacturer maker broker automaker chipmaker giant conglomerate'
  ).split(' '),
);
const FUNCTION = new Set(FUNCTION_WORDS.split(' '));
const MODIFIER =
  /(?:al|ary|ic|ive|ous|ant|ent|ior|ese|ian|ish)$|^(?:senior|former|chief|deputy|study|research|team|acting|interim)$/;
const BYLINE = /^(?:reporting|editing|writing|compiled|produced|photos?)$/;

/**
 * A lower-case role just before token i ("coach Bruce Boudreau"), with up to two modifiers before
 * it that are not function words or speech verbs ("planetary geologist", "Apple analyst").
 * Returns the role text's start offset, or -1.
 */
export function roleBefore(toks: WTok[], i: number): number {
  const r = toks[i - 1];
  if (!r || !r.word_ || r.cap_ || !ROLES.has(r.l)) return -1;
  let s = r.s;
  for (let k = i - 2; k >= i - 3; k--) {
    const m = toks[k];
    if (!m || !m.word_ || FUNCTION.has(m.l) || SPEECH.has(m.l) || m.e < s - 1) break;
    // Capitalised names ("Apple analyst") and adjective-shaped words ("planetary"); verbs stop it ("met").
    if (!m.cap_ && !MODIFIER.test(m.l)) break;
    s = m.s;
    if (m.start_) break;
  }
  return s;
}

/** "research firm Oanda": an organisation noun right before the run. */
export const orgIntroBefore = (toks: WTok[], i: number): boolean => {
  const p = toks[i - 1];
  return !!p && p.word_ && !p.cap_ && ORG_INTRO.has(p.l);
};

/** "Reporting by Will Dunham; Editing by Tom Brown". */
export const bylineBefore = (toks: WTok[], i: number): boolean =>
  toks[i - 1]?.l === 'by' && BYLINE.test(toks[i - 2]?.l ?? '');

/** "— Robert Maguire (@RobertMaguire_)": a handle in parentheses after the name. */
export const handleAfter = (toks: WTok[], j: number): boolean => toks[j]?.t === '(' && toks[j + 1]?.t === '@';

/** "(KOSPI)" right after the run: the index of the abbreviation token, or -1. */
export function abbreviationAfter(toks: WTok[], j: number, isAcronym: (t: string) => boolean): number {
  return toks[j]?.t === '(' && toks[j + 2]?.t === ')' && isAcronym(toks[j + 1]?.t ?? '') ? j + 1 : -1;
}
