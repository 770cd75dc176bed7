/**
 * Author cleaning: turns raw bylines ("By Jane Doe and John Roe, Reuters", "Von A und B",
 * "Jane Doe | Staff Writer", "https://facebook.com/x") into a deduplicated list of names.
 * Prefixes, roles, agencies, the site's own name, URLs, e-mails, handles and trailing dates
 * are stripped. Never throws.
 */
import { decodeEntities, fold, looksLikeUrl, squash } from './text';

export interface AuthorContext {
  siteName?: string | null;
  host?: string;
}

const PREFIX =
  /^(?:(?:written|posted|published|story|words|reporting|text|photos?|fotos?|video|interview|compiled|edited|report(?:ed)?)\s+(?:by|von|par|por)|by|von|vom|par|por|door|text|texte|autor(?:in)?|author|auteur|autora|redakteur(?:in)?|reporter|verfasst\s+von|geschrieben\s+von|escrito\s+por|écrit\s+par|publié\s+par|publicado\s+por)\b\s*[:\-–]?\s*/i;

/** Words that make up job titles; a part made only of these (and fillers) is a role, not a name. */
const ROLE_WORDS = new Set(
  (
    'staff writer writers reporter reporters correspondent correspondents editor editors editorial contributor contributors ' +
    'contributing columnist senior chief associate deputy managing executive political business sports science health ' +
    'technology tech news desk team staff special national international foreign bureau photographer photographers ' +
    'producer host analyst journalist journaliste correspondant correspondante rédacteur rédactrice redakteur redakteurin ' +
    'autor autorin korrespondent korrespondentin redaktion redacción redactor redactora periodista corresponsal ' +
    'envoyé envoyée spécial spéciale sur place à in the for of at de du des la le el del en y and und et ' +
    'freelance freier freie mitarbeiter mitarbeiterin guest gast author admin administrator moderator updated ' +
    'published opinion contributor. der die das les los las il lo'
  ).split(/\s+/),
);

const AGENCIES = new Set(
  (
    'reuters|ap|associated press|the associated press|afp|agence france-presse|agence france presse|dpa|apa|epa|kna|epd|sid|' +
    'ansa|efe|upi|bloomberg|ddp|kyodo|xinhua|tass|pa|pa media|press association|getty images|afp/getty|dpa/afp|reuters/ap|' +
    'ap photo|cnn|bbc|staff|wire|wires|news wires|agencies|agenturen|agences'
  ).split('|'),
);

/** A month name left at the end once a glued-on date's digits are cut ("Joshua Sokol May 12, 2017"). */
const MONTH_TAIL =
  /\s+(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni|juin|july?|juli|juillet|aug(?:ust)?|août|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)\.?,?\s*$/i;

/**
 * Separators between names. Case-sensitive on purpose: Portuguese/Spanish "e"/"y" are lower-case, while "E." is
 * a middle initial ("Sarah E. Needleman"). A full stop after a lower-case word ends a name ("Finian Cunningham.
 * Sputnik International"), one after an initial or a title ("Dr.") does not.
 */
/** A weekday left at the end of a byline that runs into its dateline ("Malcolm Owen Monday, November 18"). */
const WEEKDAY_TAIL =
  /\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$|\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo),?\s*$/i;

const SPLIT =
  /\s*(?:,|;|&|\+|\/|\b(?:[Aa]nd|AND|[Uu]nd|UND|[Ee]t|[Ss]owie|[Ww]ith|[Mm]it|[Aa]vec|[Cc]on)\b)\s*|\s+(?:e|y)\s+|(?<=\p{Ll}{3})\.\s+/u;
/** Credit labels in scripts whose letters JavaScript's \b does not see ("Текст: Венера Ерофеева"). */
const PREFIX_NON_LATIN = /^(?:текст|автор|авторы|фото|автор текста)\s*:?\s+/i;

function siteKeys(ctx: AuthorContext): string[] {
  const keys: string[] = [];
  if (ctx.siteName) keys.push(fold(ctx.siteName).replace(/ /g, ''));
  if (ctx.host) {
    const core = ctx.host
      .replace(/^www\d*\./, '')
      .split('.')
      .slice(0, -1)
      .join('')
      .replace(/[^a-z0-9]/gi, '');
    if (core.length >= 3) keys.push(core.toLowerCase());
  }
  return keys.filter(k => k.length >= 3);
}

/** Words that mark an organisation rather than a person. */
const ORG_WORD =
  /\b(gmbh|ag|kg|e\.?\s?v|inc|ltd|llc|plc|corp|co|verlag|stiftung|presse|press|media|medien|news|verein|zeitung|magazin|magazine|online|group|gruppe|abteilung|department|ministry|ministerium|university|universität|team|editorial|redaktion|staff)\b\.?/i;

/** Words of publication names: a byline equal to the site's name with one of these is the site, not a person. */
const PUBLICATION_WORD =
  /\b(post|times|herald|journal|tribune|daily|gazette|courier|chronicle|observer|guardian|telegraph|express|mail|independent|review|weekly|today|report|radio|tv|zeitung|blatt|anzeiger|kurier|rundschau|nachrichten|allgemeine|tagblatt|monde|figaro|diario|noticias|periódico)\b/i;

/** True when `name` is only a job title, an agency, an organisation, a domain or the site itself. */
function isNotAPerson(name: string, ctx: AuthorContext): boolean {
  const f = fold(name);
  if (!f) return true;
  if (AGENCIES.has(f)) return true;
  // "The Water Coolest", "The Editors": a person's name does not start with an article.
  if (/^(?:the|die|der|das|les|los|las)\s/.test(f) && f.split(' ').length >= 2) return true;
  if (ORG_WORD.test(name) && name.split(' ').length >= 2) return true;
  // "LeasingMarkt.de", "example.co.uk": a domain credits the site, not a writer.
  if (/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,6}$/iu.test(name.trim())) return true;
  const words = f.split(' ');
  if (words.every(w => ROLE_WORDS.has(w))) return true;
  // "Courier Staff", "The Courier": the site once its role words are gone. A personal site is named
  // after its writer ("Haki Benita", "Daniel Lemire's blog"): a two-word-or-longer name is the site
  // only when it equals it outright and reads like a publication ("Washington Post").
  const rest = words.filter(w => !ROLE_WORDS.has(w));
  const joined = rest.join('');
  return siteKeys(ctx).some(k => {
    if (rest.length <= 1) return joined === k || (joined.length >= 5 && k.includes(joined));
    return (
      (joined === k || (joined.length >= 5 && k.includes(joined))) &&
      (PUBLICATION_WORD.test(f) || /[&+]/.test(name))
    );
  });
}

/** A plausible personal (or desk) name: 1-5 words, starts upper-case, no digits or markup. */
function plausibleName(name: string): boolean {
  if (name.length < 2 || name.length > 60) return false;
  if (/[\d<>{}[\]=@#]/.test(name) || looksLikeUrl(name)) return false;
  const words = name.split(' ');
  if (words.length > 5) return false;
  if (!/^[\p{Lu}\p{Lo}]/u.test(name)) return false;
  // "CC", "AP", "FAIL": initialisms and shouted words are not bylines on their own.
  // A single shouted word ("KWCHCIK", a station's account) is not a byline either.
  if (words.length === 1 && /^\p{Lu}+$/u.test(name)) return false;
  // Sentences ("Share this article") have several lower-case non-particle words.
  const lowers = words.filter(
    w =>
      /^\p{Ll}/u.test(w) &&
      !/^(de|da|del|della|der|den|van|von|du|la|le|di|y|e|bin|ibn|al|el|zu|dos|das|ten|ter|mc)$/.test(w),
  );
  return lowers.length === 0;
}

/**
 * Drops job titles and the site's name glued after a name: "Adam Aaronson PhillyVoice Staff" -> "Adam Aaronson",
 * "Jane Doe Staff Writer" -> "Jane Doe". At least two words of name stay.
 */
function stripTrailingRoles(part: string, ctx: AuthorContext): string {
  const words = part.split(' ');
  const keys = siteKeys(ctx);
  let end = words.length;
  while (end > 2) {
    const w = fold(words[end - 1] ?? '').replace(/ /g, '');
    if (!w || ROLE_WORDS.has(w) || keys.includes(w)) end--;
    else break;
  }
  return end < words.length ? words.slice(0, end).join(' ') : part;
}

/** Splits and cleans one raw byline into names. */
export function splitByline(raw: string, ctx: AuthorContext = {}): string[] {
  let s = squash(decodeEntities(raw ?? ''));
  if (!s || s.length > 400) return [];
  if (looksLikeUrl(s) && !/\s/.test(s)) return [];
  s = s
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(^|\s)@\w+/g, ' ');
  // Role or date after a bar or a bullet: "Jane Doe | Staff Writer", "Jane Doe • 3 min read".
  s = s.split(/\s*[|•·]\s*|\s+[–—]\s+|\s+-\s+|\n/)[0] ?? '';
  // A status line is no byline: "Last Updated: January 7, 2025", "Aktualisiert am ...".
  if (/^(?:last\s+)?(?:updated|modified|aktualisiert|mis à jour|actualizado)\b/i.test(s)) return [];
  // Another labelled field after the name: "Gàbor Muniér, Datum: 03.03.2019", "Jane Doe; Photos: ...".
  s = s.replace(/\s*[,;]\s*[\p{L}]+(?:\s+[\p{L}]+)?\s*:.*$/u, '');
  // Credits for other work follow the writer: "Christian Seiler  Illustration von Markus Roost".
  s = s.replace(
    /\s+(?:illustrations?|fotos?|photos?|photography|bilder?|grafik|graphics|video|kamera|mitarbeit|edited|lektorat)\s*(?:von|by|par|por|de|:).*$/i,
    '',
  );
  for (let i = 0; i < 3; i++) {
    const next = squash(s.replace(PREFIX, '').replace(PREFIX_NON_LATIN, ''));
    if (next === s) break;
    s = next;
  }
  // A trailing date or count glued on ("Lucas Nolan22 Dec 2016") starts at the first digit.
  const digit = s.search(/\d/);
  if (digit >= 0) s = s.slice(0, digit);
  s = s.replace(MONTH_TAIL, '').replace(WEEKDAY_TAIL, '');
  // "... on July 21", "... am 21. Juli", "... | Updated": what follows is a date or a status.
  s = s
    .replace(/\s+(?:on|am|le|el|il|op)(?:\s.*)?$/, '')
    .replace(/\s+(?:updated|aktualisiert|mis à jour|published|veröffentlicht|posted)\b.*$/i, '');
  s = stripTrailingRoles(squash(s.replace(/^[\s,:;.\-–—]+|[\s,:;\-–—]+$/g, '')), ctx);
  if (!s || isNotAPerson(s, ctx)) return [];
  const out: string[] = [];
  for (let part of s.split(SPLIT)) {
    part = squash(part.replace(PREFIX, '').replace(/^[\s,.:;'"“”()[\]-]+|[\s,:;'"“”()[\]-]+$/g, ''));
    // "Jane Doe (Reuters)" -> "Jane Doe"; a parenthesis inside a name stays ("Bruno (Henrique Zecchin) Rodrigues").
    part = squash(part.replace(/\s*\([^)]*\)?\s*$/, ''));
    part = stripTrailingRoles(part, ctx);
    if (!part || isNotAPerson(part, ctx) || !plausibleName(part)) continue;
    // "AP Auto Writer" once its role word is gone: an agency's desk, not a name.
    if (
      fold(part)
        .split(' ')
        .some(w => AGENCIES.has(w))
    )
      continue;
    // "TOM KRISHER" (a byline styled in capitals in the markup) reads as "Tom Krisher".
    if (/\s/.test(part) && !/\p{Ll}/u.test(part))
      part = part
        .toLowerCase()
        .replace(/(^|[\s'-])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
    out.push(part);
  }
  // "Victor Tangermann, Futurism": beside a full name, a lone word is an outlet or an affiliation.
  if (out.some(n => n.includes(' '))) return out.filter(n => n.includes(' '));
  return out;
}

/** Cleans, splits and deduplicates a list of raw author strings (first spelling wins). */
export function cleanAuthors(raws: readonly string[], ctx: AuthorContext = {}): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of raws.slice(0, 30)) {
    for (const name of splitByline(raw, ctx)) {
      const key = fold(name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  // Beside full names, a lone word from another source ("Follow" next to "Erin Cunningham") is no author.
  if (out.some(n => n.includes(' '))) return out.filter(n => n.includes(' ')).slice(0, 12);
  return out.slice(0, 12);
}
