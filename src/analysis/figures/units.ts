/**
 * Measure and duration units by surface form, as compact tables (table.ts: "unit: surface+, ..."
 * where "+" adds the plural in "s"). Multi-word surfaces use single spaces ("square kilometres");
 * symbols that are case-sensitive (MW vs mW) sit in CASED.
 */
import { table } from './table';

export const DURATIONS = table(
  'second:second+,sec+;minute:minute+,min+;hour:hour+,hr+;day:day+;week:week+;month:month+;' +
    'year:year+,yr+;decade:decade+;century:century,centuries;night:night+;season:season+;quarter:quarter+',
);

/** Lower-case measure surfaces. */
export const MEASURES = table(
  // Length, mass, volume, area.
  'km:km,kilometre+,kilometer+;m:metre+,meter+;cm:cm,centimetres,centimeters;' +
    'mm:mm,millimetres,millimeters;mi:mile+;ft:foot,feet,ft;in:inch,inches;yd:yard+;' +
    'nmi:nautical miles;kg:kg,kilogram+,kilo+;g:gram+;t:tonne+,ton+,metric tons;lb:lb+;' +
    'oz:ounce+,oz;L:litre+,liter+;gal:gallon+;bbl:barrel+,bbl;acre:acre+;ha:hectare+;' +
    'km2:km2,square kilometres,square kilometers;mi2:square miles;ft2:square feet,square foot,sq ft;' +
    'm2:square metres,square meters;' +
    // Speed, power, energy, temperature, data and the rest.
    'mph:mph,miles per hour;km/h:kph,kilometres per hour,kilometers per hour;mpg:mpg,miles per gallon;' +
    'km/L:kilometers per liter,kilometres per litre;kn:knots;W:watt+;kW:kilowatt+;MW:megawatt+;' +
    'GW:gigawatt+;kWh:kilowatt hours;MWh:megawatt hours;GWh:gigawatt hours;°:degree+;' +
    '°C:degrees celsius;°F:degrees fahrenheit;kcal:calories,kcal;GB:gigabytes;TB:terabytes;' +
    'MB:megabytes;MP:megapixel+;fps:fps,frames per second;hp:horsepower,hp;V:volts',
);

/** Case-sensitive symbols (MW is megawatt, mW is not in news); each is its own unit but "mL". */
export const CASED = table(
  'W;kW;MW;GW;TW;kWh;MWh;GWh;TWh;GB;TB;MB;KB;PB;Hz;kHz;MHz;GHz;mAh;Wh;MP;V;L;' + 'ml:ml,mL;t;g;m;K',
);

/** Percent surfaces after a number. */
export const PERCENT_WORDS = table(
  '%:percent,pct,per cent,prozent,pour cent,por ciento,per cento;pp:percentage point+,prozentpunkte;' +
    'bp:basis point+,bps,bp',
);
