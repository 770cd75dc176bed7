/**
 * Tag sets and class/id patterns for finding the main text. The patterns follow the long-lived
 * conventions of reader modes (Readability, boilerpipe, trafilatura): they describe generic page
 * furniture, never a particular site. All regexes are linear (no nested quantifiers).
 */

/** Subtrees that never hold article text (not walked at all). */
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'INPUT',
  'BUTTON',
  'HEAD',
  'LINK',
  'META',
  'FRAME',
  'FRAMESET',
  'NAV',
  'DIALOG',
  'MENU',
  'LABEL',
]);

/** Elements that start and end a text block (their content is its own paragraph). */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CENTER',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
  'CAPTION',
  'HTML',
  'BR',
  'IMG',
  'PICTURE',
]);

/** A DIV holding one of these is a container, not a paragraph (Readability's DIV_TO_P rule). */
export const CONTAINER_CHILD_TAGS = new Set([
  'BLOCKQUOTE',
  'DL',
  'DIV',
  'OL',
  'P',
  'PRE',
  'TABLE',
  'UL',
  'SECTION',
  'ARTICLE',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'MAIN',
  'FORM',
]);

export const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Page furniture, by class/id (dropped unless it also looks like content). */
export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|cookie|consent|subscribe|paywall|recommend|teaser|outbrain|taboola|share|toolbar|signup/i;
export const MAYBE_CONTENT = /and|article|body|column|content|main|mathjax|shadow|story|text/i;

export const POSITIVE =
  /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|rich-?text/i;
export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|byline|author|dateline|caption|credit|recommend|teaser|newsletter|social|toolbar|breadcrumb/i;

/**
 * Furniture that is dropped from inside the chosen article root, by class/id. Narrower than
 * NEGATIVE: inside an article, "media" or "meta" may wrap real paragraphs.
 */
export const DROP_INSIDE =
  /(^|[\s_-])(share|sharing|social|byline|author-?(info|bio|box|name)?|dateline|timestamp|(article|post|entry|story)-?meta|meta-?(data|info|bar)?|date|published|updated|views?|counters?|caption|credit|tags?|tag-?list|related|recommend(ed|ations)?|teaser|more-?(stories|articles|news)|read-?more|newsletter|subscribe|signup|promo|advert|ads?|ad-?(slot|unit|container|wrapper)|sponsor(ed)?|outbrain|taboola|comments?|disqus|breadcrumbs?|toolbar|print|email|follow|donate|paywall|popup|modal|sidebar|widget|nav|navigation|pagination|footer|masthead|copyright|rating|reactions?|bookmark|video-?player|embed|inline-?(ad|promo|related))([\s_-]|$)/i;

/** Headings that introduce teasers, not text ("Related", "Read more", "Latest", ...), in en/de/fr/es. */
export const TEASER_HEADING =
  /^\s*(related( (stories|articles|content|posts|coverage|topics|news))?|recommend(ed)?( for you| stories| articles| reading)?|latest( news| stories)?|read (more|next|also)|more (from|on|in|stories|news|articles|like this)[^]{0,40}|more [^]{0,30}(stories|news|articles|reads|coverage)|most (read|popular|viewed|shared)|popular( now)?|trending( now)?|you (may|might) (also )?like|see also|also read|further reading|top stories|editor'?s picks|mehr zum thema|das könnte (sie|dich) auch interessieren|weitere artikel|lesen sie auch|auch interessant|à lire aussi|lire aussi|sur le même sujet|les plus lus|te puede interesar|lee también|noticias relacionadas|más noticias|comments?|share( this)?( article| story)?|advertisement|anzeige|publicité|publicidad)\s*:?\s*$/i;

/** Short paragraphs that are furniture whatever their markup says. */
export const BOILERPLATE_LINE =
  /^\s*(views?\s*:?\s*[\d,.]+|[\d,.]+\s*views?|share( this)?( on \w+)?|print|email|tweet|advertisement|anzeige|publicité|publicidad|related:?|read more|continue reading|click here to [^.]{0,60}|photo:?[^.]{0,60}|image:?[^.]{0,60}|\(?(photo|image|picture|foto|bild)s?( credit)?:[^]{0,80}|(copyright|©)[^]{0,120}|all rights reserved\.?|sign up[^.]{0,80}|subscribe[^.]{0,80}|follow us[^.]{0,80}|(updated|published|posted)( on)?:?\s[^]{0,40}\d[^]{0,30}|tags?:?|have a (news )?tip\?[^]{0,200})\s*$/i;

/** A newsletter or subscription pitch (tested on short paragraphs only). */
export const PITCH =
  /\b(subscribe|sign up|inbox)\b[^]{0,150}\bnewsletters?\b|\bnewsletters?\b[^]{0,150}\b(subscribe|sign up|inbox)\b/i;
