/**
 * English function words, shared by the counted-noun stop-list (figures/counted.ts) and the
 * sentence-initial words that never start a name (entities/lexicon.ts), so the list ships once.
 */
export const FUNCTION_WORDS =
  'the a an of in on at to for from with by and or but that which who may as each every this these ' +
  'those its their his her our my it they he she we you i there here not no so if then when while ' +
  'where after before since about over under during more most also only just still even yet now says ' +
  'said according such both all some other another many what how why despite next last first is are ' +
  'was were be been being has have had would could might must shall should do does did';
