/** Spelled-out English numbers, scale words and ordinals (compact tables, see table.ts). */
import { numTable, numbered } from './table';

export const UNITS = numbered(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen',
  i => i,
);

const TENS_WORDS = 'twenty thirty forty fifty sixty seventy eighty ninety';
export const TENS = numbered(TENS_WORDS, i => (i + 2) * 10);

/** Scale words after a number ("4 million", "1.2bn", "3 Mrd."), with German, French, Spanish and Indian forms. */
export const SCALES = numTable(
  '1e2:hundred;1e3:thousand+;1e5:lakh+;1e7:crore+;' +
    '1e6:million+,mn,mln,mio,millionen,millones,millón,millon;' +
    '1e9:billion,bn,bln,mrd+,milliard+,milliarde,milliarden;1e12:trillion,tn,trn',
);

/** Scale letters only valid glued to the digits ("4m", "10k", "$1.2b"). */
export const GLUED_SCALES = numTable('1e3:k;1e6:m,mn;1e9:bn,b;1e12:tn,trn');

/** "second" .. "nineteenth", the tens ("twentieth" from "twenty") and "hundredth". */
export const ORDINAL_WORDS = numbered(
  'second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth ' +
    'fifteenth sixteenth seventeenth eighteenth nineteenth ' +
    TENS_WORDS.replace(/y\b/g, 'ieth') +
    ' hundredth',
  i => (i < 18 ? i + 2 : i < 26 ? (i - 16) * 10 : 100),
);

/** Fractions as words: "two-thirds", "a third of", "three quarters". */
export const FRACTIONS = numTable('2:half,halves;3:third+;4:quarter+,fourth+;5:fifth+;10:tenth+');

export function wordValue(l: string): number | undefined {
  return UNITS[l] ?? TENS[l];
}
