/**
 * HTML generators and mutators for the extraction fuzz (tests/unit/analysis-fuzz.test.ts).
 *
 * `htmlDocument` builds whole pages from fast-check arbitraries: real tag names (including the
 * awkward ones: template, svg, math, table parts, void elements), attributes the analysis reads
 * (class, itemprop, datetime, property/content, lang, hidden, style), text with numbers, money,
 * RTL, zero-width and lone surrogates, and JSON-LD that is valid, invalid, deep or hostile.
 * `mutate` damages a real page: truncation, tag soup, deep nesting, huge attributes, invalid
 * JSON-LD, bad encodings. Everything is a string; parsing is the test's job.
 */
import fc from 'fast-check';

const BLOCK_TAGS = [
  'div',
  'p',
  'section',
  'article',
  'main',
  'aside',
  'header',
  'footer',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'blockquote',
  'figure',
  'figcaption',
  'pre',
  'table',
  'tbody',
  'tr',
  'td',
  'th',
  'form',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'template',
  'noscript',
  'svg',
  'math',
  'iframe',
  'select',
  'option',
  'textarea',
  'button',
  'frameset',
  'object',
  'custom-element',
  'x-😀',
];
const INLINE_TAGS = [
  'span',
  'a',
  'b',
  'i',
  'em',
  'strong',
  'time',
  'code',
  'sup',
  'sub',
  'abbr',
  'q',
  'mark',
  'label',
];
const VOID_TAGS = ['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'source', 'col', 'area'];

const CLASS_WORDS = [
  'article',
  'article-body',
  'content',
  'post',
  'entry-content',
  'story',
  'byline',
  'author',
  'date',
  'published',
  'comment',
  'comments',
  'sidebar',
  'related',
  'teaser',
  'promo',
  'ad',
  'share',
  'nav',
  'footer',
  'hidden',
  'sr-only',
  'caption',
  'headline',
  'title',
  'lead',
  'summary',
];

const TEXT_PIECES = [
  'The council approved the budget on Tuesday.',
  '$1.2 billion',
  '€340m',
  '45%',
  '3.5 percentage points',
  '12,000 troops',
  'July 21, 2025',
  '2025-07-21T10:18:00+08:00',
  '10:18 a.m.',
  'Secretary-General Mark Rutte',
  'NATO',
  'views:48',
  'By Jane Doe and John Roe',
  '١٢٣٬٤٥٦ دولار',
  'שלום עולם',
  '三千五百万円',
  '٪٤٥',
  '1e308',
  '-0',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '1,2,3,4,5,6,7,8,9,0'.repeat(20),
  '\u200b\u200c\u200d\u2060\ufeff',
  '\u202e\u202dreversed',
  '\ud800',
  '\udc00lone',
  '\u0000nul',
  '\u0085\u2028\u2029',
  '&amp;&lt;&gt;&#0;&#x110000;&#xD800;&bogus;',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '   \t\n\r  ',
  '<!-- comment -->',
  '<![CDATA[ x ]]>',
  '</p></div></article>',
  '<script>document.write("x")</script>',
];

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEXT_PIECES) },
  { weight: 3, arbitrary: fc.lorem({ maxCount: 40, mode: 'sentences' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.double({ noNaN: false }),
        fc.constantFrom('', '%', ' million', ' km', ' people', ' USD', ' years'),
      )
      .map(([n, unit]) => `${n}${unit}`),
  },
);

const attrValueArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CLASS_WORDS),
  fc.array(fc.constantFrom(...CLASS_WORDS), { maxLength: 4 }).map(words => words.join(' ')),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,<b>x</b>',
    'http://[::1',
    '//example.com/a?b#c',
    '2025-13-45T99:99:99Z',
    'display:none',
    'visibility:hidden;opacity:0',
    'position:absolute;left:-9999px',
    'font-size:0',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

const attrArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      'class',
      'id',
      'itemprop',
      'itemtype',
      'itemscope',
      'role',
      'datetime',
      'content',
      'property',
      'name',
      'lang',
      'dir',
      'style',
      'hidden',
      'aria-hidden',
      'href',
      'src',
      'rel',
      'data-x',
      'xmlns',
      'onload',
    ),
    attrValueArb,
  )
  .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`);

const attrsArb = fc.array(attrArb, { maxLength: 4 }).map(list => list.join(''));

/** An HTML fragment tree, as a string; depth is bounded by fast-check's depthSize. */
const { node: fragmentArb } = fc.letrec<{ node: string; children: string }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb.map(t => t.replace(/</g, '&lt;')),
    fc.tuple(fc.constantFrom(...VOID_TAGS), attrsArb).map(([tag, attrs]) => `<${tag}${attrs}>`),
    fc
      .tuple(fc.constantFrom(...INLINE_TAGS), attrsArb, tie('children'))
      .map(([tag, attrs, kids]) => `<${tag}${attrs}>${kids}</${tag}>`),
    fc
      .tuple(fc.constantFrom(...BLOCK_TAGS), attrsArb, tie('children'), fc.boolean())
      .map(([tag, attrs, kids, close]) => `<${tag}${attrs}>${kids}${close ? `</${tag}>` : ''}`),
  ),
  children: fc.array(tie('node'), { maxLength: 4 }).map(list => list.join('')),
}));

/** A value that JSON-LD readers meet in the wild, including shapes that break naive code. */
const jsonLdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      '@context': fc.constantFrom('https://schema.org', 'http://schema.org/', { '@vocab': 'x' }, null),
      '@type': fc.oneof(
        fc.constantFrom('NewsArticle', 'Article', 'BlogPosting', 'WebPage', 'Product', 'Person'),
        fc.array(fc.constantFrom('NewsArticle', 'ReportageNewsArticle', 7, null), { maxLength: 3 }),
      ),
      headline: fc.oneof(textArb, fc.integer(), fc.constant(null), fc.array(textArb, { maxLength: 2 })),
      datePublished: fc.oneof(
        fc.constantFrom('2025-07-21T10:18:00+08:00', 'yesterday', '', '0000-00-00', '2025-02-30'),
        fc.integer(),
        fc.constant({}),
      ),
      author: fc.oneof(
        fc.record({ '@type': fc.constant('Person'), name: fc.oneof(textArb, fc.constant(null)) }),
        fc.array(fc.record({ name: textArb }), { maxLength: 3 }),
        textArb,
        fc.constant([[[[null]]]]),
      ),
      image: fc.oneof(fc.webUrl(), fc.record({ url: fc.webUrl() }), fc.constant([null, 1, {}])),
      '@graph': fc.array(fc.record({ '@type': fc.constant('NewsArticle'), headline: textArb }), {
        maxLength: 2,
      }),
      // (`__proto__` keys come as raw JSON text below: an object literal cannot carry one.)
      constructor: fc.constant({ prototype: { polluted: true } }),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 4 }),
);

const jsonLdArb: fc.Arbitrary<string> = fc.oneof(
  jsonLdValue.map(v => JSON.stringify(v)),
  // broken JSON: truncated, trailing commas, comments, HTML inside, deep arrays
  jsonLdValue.chain(v => fc.nat().map(n => JSON.stringify(v).slice(0, n % (JSON.stringify(v).length + 1)))),
  fc.constantFrom(
    '{"@type":"NewsArticle","headline":"x",}',
    '// comment\n{"@type":"NewsArticle"}',
    '{"@type":"NewsArticle","headline":"</script><script>alert(1)</script>"}',
    '['.repeat(5000) + ']'.repeat(5000),
    '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
    'undefined',
    'NaN',
    '',
    '\ufeff{"@type":"NewsArticle"}',
    '{"__proto__":{"isArticle":true},"@type":"NewsArticle"}',
  ),
);

const headArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(textArb, { nil: undefined }),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'og:title',
          'og:type',
          'og:site_name',
          'article:published_time',
          'article:section',
          'author',
          'description',
          'date',
          'twitter:title',
        ),
        attrValueArb,
      ),
      { maxLength: 5 },
    ),
    fc.array(jsonLdArb, { maxLength: 2 }),
    fc.constantFrom('', '<meta charset="utf-8">', '<meta charset="utf-7">', '<meta charset="x-bogus">'),
  )
  .map(
    ([title, metas, lds, charset]) =>
      charset +
      (title === undefined ? '' : `<title>${title.replace(/</g, '&lt;')}</title>`) +
      metas.map(([p, c]) => `<meta property="${p}" name="${p}" content="${escapeAttr(c)}">`).join('') +
      lds.map(ld => `<script type="application/ld+json">${ld}</script>`).join(''),
  );

/** A whole generated page. */
export const htmlDocument: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      '<!DOCTYPE html>',
      '',
      '<!doctype html public "-//W3C//DTD HTML 4.01//EN">',
      '<?xml version="1.0"?>',
    ),
    fc.constantFrom('en', 'de', 'ar', 'ja', '', 'xx-invalid'),
    headArb,
    fc.array(fragmentArb, { minLength: 0, maxLength: 6 }),
    fc.boolean(),
  )
  .map(
    ([doctype, lang, head, body, wrap]) =>
      `${doctype}<html lang="${lang}"><head>${head}</head><body>` +
      (wrap ? `<article>${body.join('')}</article>` : body.join('')) +
      '</body></html>',
  );

export const MUTATIONS = [
  'truncate',
  'delete-range',
  'duplicate-range',
  'tag-soup',
  'drop-closing-tags',
  'deep-nesting',
  'huge-attribute',
  'invalid-json-ld',
  'bad-encoding',
  'control-chars',
  'strip-head',
  'swap-halves',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

export interface MutationPlan {
  kind: Mutation;
  /** Two random numbers, interpreted by the mutation as positions or sizes. */
  a: number;
  b: number;
}

export const mutationPlan: fc.Arbitrary<MutationPlan> = fc.record({
  kind: fc.constantFrom(...MUTATIONS),
  a: fc.nat(),
  b: fc.nat(),
});

/** Latin-1 view of UTF-8 bytes: the classic mojibake of a page decoded with the wrong charset. */
const mojibake = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

/** Applies one damage to a page. Deterministic in (html, plan). */
export function mutate(html: string, { kind, a, b }: MutationPlan): string {
  const n = html.length;
  const at = n === 0 ? 0 : a % n;
  const len = n === 0 ? 0 : 1 + (b % Math.max(1, Math.min(n - at, 20_000)));
  switch (kind) {
    case 'truncate':
      return html.slice(0, at);
    case 'delete-range':
      return html.slice(0, at) + html.slice(at + len);
    case 'duplicate-range':
      return html.slice(0, at + len) + html.slice(at, at + len).repeat(1 + (b % 5)) + html.slice(at + len);
    case 'tag-soup': {
      // Close tags in the wrong order and open ones never closed, at a few random places.
      const soup = [
        '</div>',
        '</p>',
        '<p>',
        '<table><td>',
        '</article>',
        '<li>',
        '</body>',
        '<html>',
        '</head>',
        '<b><i></b></i>',
      ];
      let out = html;
      for (let i = 0; i < 1 + (b % 20); i++) {
        const pos = (a * (i + 7919)) % (out.length + 1);
        out = out.slice(0, pos) + soup[(a + i) % soup.length] + out.slice(pos);
      }
      return out;
    }
    case 'drop-closing-tags':
      return html.replace(/<\/[a-z][^>]*>/gi, m => ((a + m.length) % 3 === 0 ? m : ''));
    case 'deep-nesting': {
      const depth = 200 + (b % 2_000);
      const tag = ['div', 'span', 'b', 'section', 'blockquote'][a % 5]!;
      return (
        html.slice(0, at) + `<${tag}>`.repeat(depth) + 'deep' + `</${tag}>`.repeat(depth) + html.slice(at)
      );
    }
    case 'huge-attribute': {
      const size = 10_000 + (b % 200_000);
      const pos = html.search(/<(?:p|div|article|h1|span)\b/i);
      const where = pos < 0 ? at : pos + 2;
      const attr = ` class="${'article-body '.repeat(size / 13)}" data-x="${'x'.repeat(size)}" `;
      return html.slice(0, where) + attr + html.slice(where);
    }
    case 'invalid-json-ld': {
      const bad = [
        '{"@type":"NewsArticle","headline":',
        '{"@type":"NewsArticle","author":' + '['.repeat(4000) + ']'.repeat(4000) + '}',
        '{"@type":["NewsArticle"],"datePublished":{"@value":[1,2,3]},"headline":null}',
        '{"@graph":"not an array","@type":{}}',
        '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
        '\u0000\ud800{',
      ][b % 6]!;
      const block = `<script type="application/ld+json">${bad}</script>`;
      const head = html.search(/<\/head>/i);
      return head < 0 ? block + html : html.slice(0, head) + block + html.slice(head);
    }
    case 'bad-encoding':
      switch (b % 4) {
        case 0:
          return mojibake(html);
        case 1:
          return '\ufeff\ufeff' + html.replace(/<meta charset[^>]*>/i, '<meta charset="utf-16">');
        case 2:
          return html.slice(0, at) + '\ud800\udfff\udbff\ud800' + html.slice(at);
        default:
          return Buffer.from(html, 'utf8').toString('utf16le');
      }
    case 'control-chars': {
      const chars = '\u0000\u0001\u0008\u000b\u000c\u001b\u007f\u0085\u00a0\u2028\u2029\ufffe\uffff';
      let out = html;
      for (let i = 0; i < 1 + (b % 50); i++) {
        const pos = (a + i * 104_729) % (out.length + 1);
        out = out.slice(0, pos) + chars[(a + i) % chars.length] + out.slice(pos);
      }
      return out;
    }
    case 'strip-head':
      return html.replace(/<head\b[^]*?<\/head>/i, '');
    case 'swap-halves':
      return html.slice(at) + html.slice(0, at);
  }
}

/**
 * A page of about `nodes` elements and `bytes` characters: the "100,000-node / 5 MB" stress
 * case. Paragraphs of real-looking text inside nested sections, with figures in the text.
 */
export function hugePage(nodes = 100_000, bytes = 5_000_000): string {
  const paragraphs = Math.ceil(nodes / 4); // <p> + <span> + <b> + <a> per paragraph
  const overhead = `<p><span>${paragraphs}.</span> <b>Item</b>  <a href="#p${paragraphs}">more</a></p>`
    .length;
  const filler = Math.max(0, Math.ceil(bytes / paragraphs) - overhead + 8);
  const sentence = 'The ministry said 1,200 workers were hired in 2024 at a cost of $3.5 million. ';
  const text = sentence.repeat(Math.ceil(filler / sentence.length)).slice(0, filler);
  const parts: string[] = [
    '<!DOCTYPE html><html lang="en"><head><title>Huge page</title></head><body><article>',
  ];
  parts.push('<h1>A very large page</h1>');
  for (let i = 0; i < paragraphs; i++) {
    if (i % 1000 === 0) parts.push(i === 0 ? '<section>' : '</section><section>');
    parts.push(`<p><span>${i}.</span> <b>Item</b> ${text} <a href="#p${i}">more</a></p>`);
  }
  parts.push('</section></article></body></html>');
  return parts.join('');
}
