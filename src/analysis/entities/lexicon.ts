/**
 * Word lists for the rule-based entity finder: roles and titles, organisation cues, a small
 * gazetteer of countries, regions and major cities, and demonyms. Lower-case, space-separated
 * strings keep the bundle small.
 */
import { FUNCTION_WORDS } from '../figures/function-words';
import { FULL } from '../figures/patterns';
import { table } from '../figures/table';

const set = (s: string): Set<string> => new Set(s.split('|'));

/**
 * Role heads (lower case, may be multi-word). Matched longest-first on a run of words. A compound
 * whose first word is only a modifier ("defense minister", "vice president", "crown prince") is not
 * listed: the head matches and the role text keeps the modifiers before it. Compounds whose first
 * word is itself a role ("deputy prime minister", "head coach") must be listed.
 */
export const ROLES = set(
  'president|administrator|deputy administrator|president-elect|deputy prime minister|chancellor|' +
    'minister|prime-minister|secretary-general|secretary general|secretary|secretary of state|senator|' +
    'sen.|representative|rep.|congressman|congresswoman|governor|gov.|mayor|king|queen|prince|princess|' +
    'pope|ceo|cfo|coo|cto|chief executive|chief executive officer|chief financial officer|' +
    'chief operating officer|chief technology officer|chairman|chairwoman|chair|chairperson|founder|' +
    'co-founder|cofounder|owner|spokesperson|spokesman|spokeswoman|director|director general|' +
    'director-general|executive director|general|gen.|admiral|adm.|colonel|col.|commander|chief of staff|' +
    'deputy chief of staff|ambassador|envoy|judge|justice|chief justice|attorney general|attorney|' +
    'prosecutor|coach|head coach|manager|analyst|economist|professor|prof.|dr.|striker|quarterback|' +
    'captain|speaker|sheriff|chief|premier|commissioner|leader|editor|editor-in-chief|author|researcher|' +
    'scientist|lawyer|head|deputy|vice-president|lieutenant|sergeant|sgt.|officer|detective|' +
    'general manager|president and ceo|executive|partner|principal|dean|rabbi|bishop|archbishop|cardinal|' +
    'sultan|emir|co-author|geologist|physicist|astronomer|reporter|correspondent|columnist',
);

/** Org cue words inside a run ("Ministry of Defence", "Bank of England"); all but "house of" also end one. */
const HEAD_WORDS =
  'ministry|department|bank|university|institute|office|bureau|council|committee|court|board|federation|' +
  'league|union|party|agency|commission|academy|church|museum|school';
export const ORG_HEADS = set(HEAD_WORDS + '|house of');

/** Last words that make a capitalised run an organisation. */
export const ORG_TAILS = set(
  HEAD_WORDS +
    '|inc|inc.|incorporated|ltd|ltd.|llc|plc|corp|corp.|corporation|company|co.|co|group|army|navy|' +
    'force|forces|college|association|congress|senate|parliament|assembly|fund|foundation|' +
    'organization|organisation|authority|police|reserve|exchange|airlines|airways|motors|times|news|' +
    'post|journal|club|fc|technologies|holdings|partners|capital|media|network|networks|studios|' +
    'records|labs|pharmaceuticals|alliance|coalition|administration|service|services|center|centre|' +
    'hospital|tribunal|cabinet|guard|corps|command|marines|team|society|trust|press|brothers|' +
    'entertainment|energy|airline|industries|systems|enterprises|international|worldwide',
);

/** Well-known organisations named without a cue word. */
export const KNOWN_ORGS = set(
  'pentagon|kremlin|white house|downing street|congress|senate|parliament|lockheed martin|boeing|airbus|' +
    'raytheon|apple|google|alphabet|microsoft|amazon|facebook|meta|tesla|netflix|twitter|walmart|samsung|huawei|' +
    'alibaba|tencent|sony|nintendo|intel|nvidia|ibm|oracle|uber|wework|spacex|blue origin|reuters|bloomberg|' +
    'home depot|target|costco|disney|comcast|verizon|at&t|exxonmobil|exxon|chevron|shell|bp|gazprom|toyota|' +
    'volkswagen|bmw|mercedes-benz|ford|general motors|nissan|honda|hyundai|siemens|bayer|nestle|unilever|' +
    'goldman sachs|jpmorgan|morgan stanley|citigroup|hsbc|barclays|softbank|instagram|youtube|whatsapp|' +
    'linkedin|spotify|paypal|visa|mastercard|pfizer|moderna|nasa|fbi|cia|nato|opec|imf|who|wto|eu|un|' +
    'european union|united nations|world bank|federal reserve|fed|ecb|bbc|cnn|nbc|cbs|abc|fox news|' +
    'tottenham|manchester united|real madrid|barcelona|chelsea|arsenal|liverpool',
);

/** Countries, regions, US states and major cities (lower case). */
export const PLACES = set(
  'afghanistan|albania|algeria|angola|argentina|armenia|australia|austria|azerbaijan|bahrain|' +
    'bangladesh|belarus|belgium|bolivia|bosnia|brazil|bulgaria|cambodia|cameroon|canada|chile|china|' +
    'colombia|congo|croatia|cuba|cyprus|czech republic|czechia|denmark|ecuador|egypt|estonia|ethiopia|' +
    'finland|france|georgia|germany|ghana|greece|guatemala|haiti|honduras|hungary|iceland|india|' +
    'indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|kosovo|kuwait|laos|' +
    'latvia|lebanon|libya|lithuania|luxembourg|malaysia|mali|malta|mexico|moldova|mongolia|montenegro|' +
    'morocco|mozambique|myanmar|nepal|netherlands|new zealand|nicaragua|niger|nigeria|north korea|' +
    'south korea|korea|norway|oman|pakistan|palestine|panama|paraguay|peru|philippines|poland|portugal|' +
    'qatar|romania|russia|rwanda|saudi arabia|senegal|serbia|singapore|slovakia|slovenia|somalia|' +
    'south africa|spain|sri lanka|sudan|south sudan|sweden|switzerland|syria|taiwan|tajikistan|tanzania|' +
    'thailand|tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|uae|united kingdom|uk|u.k.|' +
    'britain|great britain|england|scotland|wales|united states|u.s.|us|usa|america|dc|d.c.|uruguay|' +
    'uzbekistan|venezuela|vietnam|yemen|zambia|zimbabwe|europe|asia|africa|middle east|latin america|' +
    'south america|north america|indo-pacific|asia-pacific|pacific|atlantic|arctic|antarctica|crimea|' +
    'donbas|gaza|west bank|hong kong|macau|tibet|xinjiang|balkans|baltics|caribbean|scandinavia|siberia|' +
    'alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|' +
    'illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|' +
    'mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|' +
    'north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|' +
    'south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|' +
    'london|paris|berlin|moscow|kyiv|kiev|beijing|shanghai|tokyo|seoul|delhi|new delhi|mumbai|brussels|' +
    'rome|madrid|vienna|warsaw|geneva|zurich|amsterdam|stockholm|oslo|copenhagen|helsinki|dublin|lisbon|' +
    'athens|istanbul|ankara|tehran|baghdad|damascus|jerusalem|tel aviv|cairo|dubai|riyadh|doha|nairobi|' +
    'lagos|johannesburg|sydney|melbourne|toronto|montreal|vancouver|ottawa|chicago|los angeles|' +
    'san francisco|boston|houston|dallas|miami|atlanta|seattle|detroit|philadelphia|denver|phoenix|' +
    'mexico city|sao paulo|rio de janeiro|buenos aires|bangkok|jakarta|manila|hanoi|taipei|kharkiv|odesa|' +
    'odessa|lviv|minsk|frankfurt|munich|hamburg|milan|manchester|edinburgh|silicon valley',
);

/** Canonical names for place aliases (figures/table.ts format). */
export const PLACE_ALIAS = table(
  'United States:u.s.,us,usa,america;United Kingdom:u.k.,uk,britain,great britain;' +
    'United Arab Emirates:uae;Kyiv:kiev;Odesa:odessa',
);

/** Nationality and other adjectives (single words): never entities on their own, but part of a role. */
export const DEMONYMS = set(
  'american|british|german|french|russian|ukrainian|chinese|japanese|korean|indian|italian|spanish|' +
    'canadian|australian|israeli|iranian|iraqi|syrian|turkish|polish|dutch|swedish|norwegian|danish|' +
    'finnish|european|asian|african|arab|saudi|mexican|brazilian|argentine|swiss|austrian|belgian|greek|' +
    'irish|scottish|welsh|english|palestinian|egyptian|pakistani|afghan|taiwanese|vietnamese|thai|' +
    'filipino|indonesian|nigerian|kenyan|belarusian|hungarian|czech|romanian|serbian|croatian|portuguese|' +
    'western|eastern|northern|southern|soviet|democratic|republican|catholic|muslim|christian|jewish',
);

/** Words that start a sentence without naming anything; never entities on their own. */
export const COMMON_CAPS = new Set([
  ...FUNCTION_WORDS.split(' '),
  ...FULL.toLowerCase().split('|'),
  ...(
    'however|although|though|meanwhile|moreover|furthermore|one|two|three|today|yesterday|tomorrow|' +
    'currently|recently|second|new|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mr|mrs|ms|dr|' +
    'regarding|yes|please|read|image|photo|chapter|section|page|getty|images|ap|afp|file|click|subscribe|' +
    'advertisement|watch|see|follow|sources|officials|analysts|experts|critics|residents|witnesses|' +
    'police|authorities|investigators|researchers|scientists|doctors|lawmakers|democrats|republicans|' +
    'people|fans|users|students|parents|thanks|hey|well|summary'
  ).split('|'),
]);

/**
 * Function words of German, French and Spanish: capitalised where a sentence starts ("Am Schluss",
 * "Zum Beispiel", "Dans la ville"), and German nouns are capitalised everywhere, so a run that opens
 * or closes with one of these is not a name there. Applied by the page's language only: "Die", "Sie"
 * and "Son" are English words too.
 */
export const FOREIGN_FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  de: set(
    'der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|am|im|zum|zur|vom|beim|ins|ans|in|an|auf|aus|bei|mit|nach|' +
      'seit|von|vor|zu|für|über|unter|um|durch|gegen|ohne|und|oder|aber|doch|denn|wenn|als|wie|auch|noch|schon|so|dann|' +
      'da|hier|dort|heute|gestern|morgen|jetzt|nun|es|er|sie|wir|ich|ihr|man|mein|dein|sein|unser|euer|ihre|dieser|' +
      'diese|dieses|jeder|jede|jedes|kein|keine|nicht|nur|sehr|mehr|viele|alle|etwa|rund|fast|bitte|danke|ja|nein|' +
      'solche|solcher|solches|manche|mancher|manches|welche|welcher|welches|jene|jener|jenes|beide|einige|mehrere|' +
      'wenige|andere|anderen|erste|erster|erstes|zweite|zweiter|letzte|letzter|sowohl|weder|entweder|zwar|dass|ob|' +
      'damit|obwohl|während|bevor|nachdem|deshalb|daher|trotzdem|außerdem|jedoch|dabei|dafür|darum|dazu',
  ),
  fr: set(
    'le|la|les|un|une|des|du|de|au|aux|dans|en|sur|sous|avec|pour|par|sans|chez|et|ou|mais|donc|car|si|quand|comme|' +
      'il|elle|ils|elles|nous|vous|je|on|ce|cette|ces|son|sa|ses|leur|leurs|mon|ma|mes|selon|après|avant|depuis|aujourd|' +
      'hier|demain|ici|là|plus|très|tous|toutes|tout|toute',
  ),
  es: set(
    'el|la|los|las|un|una|unos|unas|del|al|de|en|con|por|para|sin|sobre|entre|desde|hasta|y|o|pero|si|cuando|como|' +
      'él|ella|ellos|ellas|nosotros|usted|ustedes|yo|este|esta|estos|estas|ese|esa|su|sus|mi|mis|según|tras|hoy|ayer|' +
      'mañana|aquí|allí|más|muy|todos|todas|todo|toda',
  ),
};

/**
 * Articles of German, French and Spanish. German capitalises every noun, so a capitalised word after
 * an article ("eine Existenzgründungsprämie", "das Thema ...") is a noun, not a name; a name whose
 * only evidence is that its last word recurs is not taken there.
 */
export const FOREIGN_ARTICLES: Readonly<Record<string, ReadonlySet<string>>> = {
  de: set('der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner|keines'),
  fr: set('le|la|les|un|une|des|du'),
  es: set('el|la|los|las|un|una|unos|unas|del|al'),
};

/** Verbs of speech that mark the run before them as a person. */
export const SPEECH = set(
  'said|says|told|added|noted|wrote|explained|argued|stated|announced|admitted|insisted|warned|claimed|' +
    'tweeted|asked|replied|confirmed|denied|acknowledged|recalled|continued|predicted|believes|thinks',
);

export const HONORIFICS = set('mr|mrs|ms|miss|dr|sir|dame|lord|lady');

export const CONNECTORS = set('of|the|&|de|da|del|della|van|von|der|den|la|le|al|bin|du|for|y');
