/** Currencies by symbol, ISO code and name, as compact tables (table.ts). ISO 4217 codes out. */
import { table, words } from './table';

/** Prefix symbols; "$" alone reads as USD. */
export const SYMBOLS = table(
  'USD:$;EUR:€;GBP:£;JPY:¥;INR:₹;RUB:₽;KRW:₩;TRY:₺;UAH:₴;ILS:₪;NGN:₦;THB:฿;PHP:₱;' + 'VND:₫;CNY:元',
);

/** Letters glued before "$": US$, A$, C$, HK$, NZ$, S$, R$, NT$, MX$ (lower case). */
export const DOLLAR_PREFIX = table('USD:us;AUD:a,au;CAD:c,ca;HKD:hk;NZD:nz;SGD:s;BRL:r;TWD:nt;MXN:mx');

export const CODES = words(
  'USD EUR GBP JPY CNY RMB CHF CAD AUD INR RUB KRW BRL HKD SEK NOK DKK PLN TRY ZAR MXN SGD NZD UAH ILS AED ' +
    'SAR TWD THB IDR NGN EGP CZK HUF ARS CLP COP PHP VND PKR BTC',
);

/**
 * Currency names after a number (lower case). "real", "won", "rand" and "pound(s)" are also
 * ordinary words: suffix.ts accepts them only after a scale word or a currency cue.
 */
export const NAMES = table(
  'USD:dollar+,cent+;EUR:euro+;JPY:yen;CNY:yuan,renminbi;INR:rupee+;RUB:ruble+,rouble+;' +
    'CHF:franc+;MXN:peso+;UAH:hryvnia+;ILS:shekel+;ZAR:rand;TRY:lira;NGN:naira;MYR:ringgit;' +
    'THB:baht;AED:dirhams;SAR:riyals;SEK:krona,kronor;NOK:kroner;PLN:zloty+;BRL:reais,real;' +
    'GBP:sterling,pence,pound+;BTC:bitcoin+;KRW:won',
);

/** Adjectives before "dollars" that change the currency ("Hong Kong dollars", "Canadian dollars"). */
export const DOLLAR_ADJ = table(
  'USD:us,u.s.,american;CAD:canadian;AUD:australian;HKD:hong kong;NZD:new zealand;' +
    'SGD:singapore;TWD:taiwan,taiwanese',
);
