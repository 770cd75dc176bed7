// @vitest-environment jsdom
/**
 * Failure classes that used to place a highlight on the wrong text (issue 6: an orphan is acceptable, a wrong
 * place never is). Each page is synthetic; each test edits the page the way the robustness set does and
 * requires the anchor to be the edited quote at its own place, or null, but never another place.
 */
import { afterEach, describe as suite, expect, it } from 'vitest';
import type { Selector } from '../shared/types';
import { anchor, describe, renderedText } from './index';

const roots: HTMLElement[] = [];
function dom(html: string): HTMLElement {
  const el = document.createElement('article');
  // eslint-disable-next-line no-unsanitized/property -- fixtures are string literals in this file
  el.innerHTML = html;
  document.body.appendChild(el);
  roots.push(el);
  return el;
}
afterEach(() => {
  for (const r of roots.splice(0)) r.remove();
});

/** The n-th (0-based) element matching css. */
function nth(root: HTMLElement, css: string, n: number): Element {
  const el = root.querySelectorAll(css)[n];
  if (!el) throw new Error(`no ${css} #${n}`);
  return el;
}

/** Selectors for `needle` inside element el (one text node). */
function describeIn(root: HTMLElement, el: Element, needle: string): Selector[] {
  const t = el.firstChild as Text;
  const i = t.data.indexOf(needle);
  if (i < 0) throw new Error(`no ${needle}`);
  const r = document.createRange();
  r.setStart(t, i);
  r.setEnd(t, i + needle.length);
  return describe(root, r);
}

function replaceIn(el: Element, from: string, to: string): void {
  const t = el.firstChild as Text;
  if (!t.data.includes(from)) throw new Error(`no ${from}`);
  t.data = t.data.replace(from, to);
}

/** The anchored element (null for an orphan) and text. */
function where(root: HTMLElement, sel: Selector[]): { el: Element | null; text: string } | null {
  const got = anchor(root, sel);
  if (!got) return null;
  const el = got.range.startContainer.parentElement;
  return { el, text: renderedText(root, got.range) };
}

/** Three meal plans repeat the same items with a character or two of difference around them. */
const MEALS = [1, 2, 3]
  .map(
    k => `<h3>Plan ${k}</h3><ul>
  <li>Meal 1 Eat every 2–3 hours 1 scoop Shakeology, 1 cup strawberries, 8 oz. unsweetened almond milk (or 1 tsp. nut butter)</li>
  <li>Meal 2 1 slice whole-grain toast${k === 1 ? ')' : ''}, 1 tsp. olive oil for potatoes (or 1 tsp. grass-fed butter for toast${k === 1 ? '' : ')'}] Portion Fix</li>
  <li>Meal 3 Tomato Cucumber Salad (½ cup cherry tomatoes, ½ cup cucumber slices, ¼ cup feta, 1 Tbsp. balsamic vinegar)${k === 2 ? ', 1 cup grapes' : ''} Portion Fix</li>
</ul>`,
  )
  .join('\n');

suite('repeated near-identical list items', () => {
  it('a word edited inside the quote: its own item (pinned by both contexts), never a copy', () => {
    const root = dom(MEALS);
    const li = nth(root, 'li', 1);
    const sel = describeIn(root, li, 'olive oil for potatoes (or 1 tsp.');
    replaceIn(li, 'potatoes', 'regional');
    const got = where(root, sel);
    expect(got?.el ?? li).toBe(li);
    if (got) expect(got.text).toBe('olive oil for regional (or 1 tsp.');
  });

  it('a word edited on each side of the quote: its own item or an orphan, never a copy', () => {
    const root = dom(MEALS);
    const li = nth(root, 'li', 1);
    const sel = describeIn(root, li, 'olive oil for potatoes (or 1 tsp.');
    replaceIn(li, '1 tsp. olive', '1 significant. olive');
    replaceIn(li, 'grass-fed', 'former-fed');
    const got = where(root, sel);
    expect(got?.el ?? li).toBe(li);
  });

  it('a word edited inside a quote whose copies differ by one character of context', () => {
    const root = dom(MEALS);
    const li = nth(root, 'li', 5);
    const sel = describeIn(root, li, 'cup cherry tomatoes, ½ cup cucumber slices, ¼ cup feta, 1');
    replaceIn(li, 'feta', 'notable');
    const got = where(root, sel);
    expect(got?.el ?? li).toBe(li);
    if (got) expect(got.text).toBe('cup cherry tomatoes, ½ cup cucumber slices, ¼ cup notable, 1');
  });

  it('the item deleted: orphan, never a copy whose context differs by a character', () => {
    const root = dom(MEALS);
    const li = nth(root, 'li', 1);
    const sel = describeIn(root, li, 'olive oil for potatoes (or 1 tsp.');
    li.remove();
    expect(anchor(root, sel)).toBeNull();
  });
});

const INTERVIEWS = `
<h2>Chef one</h2>
<p>Where do you find recipes? Mostly in old cookbooks from my grandmother's shelf.</p>
<p>Which cuisine do you like best? Are there any preferences, or maybe dishes or products that you do not like?</p>
<p>I love cooking dishes from all over the world, but Italian food is closest to my heart.</p>
<h2>Chef two</h2>
<p>Where do you look for ideas? Markets, mostly, and whatever the season brings.</p>
<p>Which cuisine do you like best? Are there any preferences, or maybe dishes or products that you do not like?</p>
<p>I like almost everything. There are only a few things I never eat, such as liver.</p>`;

suite('a repeated interview question', () => {
  const QUESTION = 'Are there any preferences, or maybe dishes or products that you do not like?';

  it('edited where it was highlighted: found there, not at the verbatim copy', () => {
    const root = dom(INTERVIEWS);
    const p = nth(root, 'p', 1);
    const sel = describeIn(root, p, QUESTION);
    replaceIn(p, 'products that', 'products which');
    const got = where(root, sel);
    expect(got?.el ?? p).toBe(p);
    if (got) expect(got.text).toBe(QUESTION.replace('that', 'which'));
  });

  it('its answer rewritten too: its own place or an orphan, never the other interview', () => {
    const root = dom(INTERVIEWS);
    const p = nth(root, 'p', 1);
    const sel = describeIn(root, p, QUESTION);
    replaceIn(p, 'products that', 'products which');
    nth(root, 'p', 2).textContent = 'Everything from Georgian to Thai food, honestly.';
    const got = where(root, sel);
    expect(got?.el ?? p).toBe(p);
  });

  it('deleted where it was highlighted: orphan, not the other interview (same lead-in, other answer)', () => {
    const root = dom(INTERVIEWS);
    const p = nth(root, 'p', 1);
    const sel = describeIn(root, p, QUESTION);
    p.remove();
    expect(anchor(root, sel)).toBeNull();
  });
});

suite('span ends after edits beside the quote', () => {
  const CAR = `<p>The top speed is an electronically-limited 109 mph. As for range, in RWD form you’re looking at up to 590 km on the European WLTP cycle. In the US, Volkswagen estimates that could be more like 300 miles.</p>`;

  it('an edited word in the suffix is not swallowed by a fuzzy span', () => {
    const root = dom(CAR);
    const p = nth(root, 'p', 0);
    const quote = 'As for range, in RWD form you’re looking at up to 590 km on the European WLTP cycle.';
    const sel = describeIn(root, p, quote);
    replaceIn(p, 'As for', 'As entire');
    replaceIn(p, 'In the US', 'In significant US');
    replaceIn(p, '109 mph', '109 major');
    expect(where(root, sel)?.text).toBe(quote.replace('for', 'entire'));
  });

  it('an edited last word ends the span where the exact suffix starts', () => {
    const root = dom(
      '<p>Die internationale Gruppe, die einheitliche Standards für den Datenaustausch zwischen verschiedenen Gesundheitsinstitutionen- und Systemen entwickelt.</p>',
    );
    const p = nth(root, 'p', 0);
    const sel = describeIn(root, p, 'für den Datenaustausch zwischen verschiedenen');
    replaceIn(p, 'verschiedenen', 'notable');
    expect(where(root, sel)?.text).toBe('für den Datenaustausch zwischen notable');
  });

  it('a long ad block inserted between the exact context and an edited quote is not highlighted', () => {
    const root = dom(
      '<p>Another is stewardship of the Earth, Cook said.</p><p>Apple, a giant industrial producer, has gone well beyond what it is legally required to do, challenging itself to run entirely on renewable energy while encouraging suppliers to be cleaner as well. Those values also extend to human rights.</p>',
    );
    const p = nth(root, 'p', 1);
    const quote =
      'Apple, a giant industrial producer, has gone well beyond what it is legally required to do, challenging itself to run entirely on renewable energy while encouraging suppliers to be cleaner as well.';
    const sel = describeIn(root, p, quote);
    p.insertAdjacentHTML(
      'beforebegin',
      '<div class="ad-slot"><span>Advertisement</span><a>Read more: the week in pictures</a></div>',
    );
    replaceIn(p, 'encouraging', 'recent');
    expect(where(root, sel)?.text).toBe(quote.replace('encouraging', 'recent'));
  });
});

suite('context pushed away by inserted blocks (right place, not orphan)', () => {
  const PAGE = `<p>Nissan also showed the compact Sentra from Nissan.</p><p>The show opens to the public on Friday. Here are some of the highlights, model by model.</p><p>It was simple things like that that made him such a great leader.</p><p>"We all miss Steve so much," Cook said on stage.</p>`;
  const AD =
    '<div class="ad-slot"><span>ADVERTISEMENT · Story continues below</span><a>Sponsored: 7 ways to cut your energy bill</a></div>';
  const NOTE =
    '<p>Editor’s note: this article was updated with additional reporting and a correction to a date.</p>';

  it('an ad inside the prefix (the quote starts mid-paragraph, the ad precedes the paragraph) and an edited word', () => {
    const root = dom(PAGE);
    const p = nth(root, 'p', 1);
    const sel = describeIn(root, p, 'show opens to the public on Friday. Here are some of the highlights');
    // eslint-disable-next-line no-unsanitized/method -- fixtures are string literals in this file
    p.insertAdjacentHTML('beforebegin', AD);
    replaceIn(p, 'highlights', 'regional');
    expect(where(root, sel)?.text).toBe('show opens to the public on Friday. Here are some of the regional');
  });

  it('an ad inside the suffix (the quote ends its paragraph) and an edited word in a short quote', () => {
    const root = dom(PAGE);
    const p = nth(root, 'p', 2);
    const sel = describeIn(root, p, 'made him such a great leader.');
    // eslint-disable-next-line no-unsanitized/method -- fixtures are string literals in this file
    p.insertAdjacentHTML('afterend', AD);
    replaceIn(p, 'such', 'recent');
    expect(where(root, sel)?.text).toBe('made him recent a great leader.');
  });

  it('stacked insertions (an ad and a note) between the quote and its suffix, with an edited word', () => {
    const root = dom(PAGE);
    const p = nth(root, 'p', 1);
    const sel = describeIn(
      root,
      p,
      'The show opens to the public on Friday. Here are some of the highlights, model by model.',
    );
    // eslint-disable-next-line no-unsanitized/method -- fixtures are string literals in this file
    p.insertAdjacentHTML('afterend', AD + NOTE);
    replaceIn(p, 'public', 'press');
    expect(where(root, sel)?.text).toBe(
      'The show opens to the press on Friday. Here are some of the highlights, model by model.',
    );
  });
});

suite('short or paragraph-ending quotes with a replaced word (right place, not orphan)', () => {
  it('a short quote with one word replaced between both exact contexts', () => {
    const root = dom(
      '<p>As ID.3 production begins, Volkswagen bets it all on an electric future. VW ID. SPACE VIZZION Gallery.</p>',
    );
    const p = nth(root, 'p', 0);
    const sel = describeIn(root, p, 'on an electric future');
    replaceIn(p, 'future', 'regional');
    expect(where(root, sel)?.text).toBe('on an electric regional');
  });

  it('a short quote whose words are mostly gone is not stretched over whatever sits between its contexts', () => {
    const root = dom(
      '<p>Argentina comfortably got past Chile 3-0 in Group C, with Guido Pella beating Nicolas Jarry.</p>',
    );
    const p = nth(root, 'p', 0);
    const sel = describeIn(root, p, 'past Chile 3-0');
    replaceIn(p, 'past Chile 3-0', 'beyond the visitors');
    expect(anchor(root, sel)).toBeNull();
  });

  it('the last word of a paragraph-ending quote edited, an ad inserted after the paragraph', () => {
    const root = dom(
      '<p>The car has near-50:50 weight distribution. There’s electronic damping control, multilink rear suspension, and strut-type front suspension.</p><p>However, the car could just as easily be AWD.</p>',
    );
    const p = nth(root, 'p', 0);
    const quote =
      'There’s electronic damping control, multilink rear suspension, and strut-type front suspension.';
    const sel = describeIn(root, p, quote);
    p.insertAdjacentHTML(
      'afterend',
      '<div><span>Advertisement</span><a>Read more: the week in pictures</a></div>',
    );
    replaceIn(p, 'front suspension.', 'front recent.');
    expect(where(root, sel)?.text).toBe(quote.replace('front suspension.', 'front recent.'));
  });
});
