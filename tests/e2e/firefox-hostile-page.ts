/**
 * Page-side probes of the Firefox hostile-page test (firefox-hostile.e2e.ts). All of them run in one BiDi
 * sandbox realm of the page (HOSTILE_SANDBOX): its own JS built-ins and Xray views of the DOM, which the
 * page's overrides (JSON, Function.prototype.call, DOM prototypes, clobbered document properties) cannot
 * reach, and from which closed shadow roots are as closed as they are to the page. This is the Firefox
 * counterpart of the init-script helper and CDP reads of hostile.e2e.ts.
 */
import { evaluateInSandbox, shadowRootsContent, type BiDi } from '../../scripts/lib/firefox.mjs';

export const HOSTILE_SANDBOX = 'gleaner-hostile-test';

export const SECRET_MARK = 'GLEANER-SECRET-';

function inSandbox<A extends unknown[], R>(
  bidi: BiDi,
  context: string,
  fn: (...args: A) => R | Promise<R>,
  ...args: A
): Promise<R> {
  return evaluateInSandbox(bidi, context, HOSTILE_SANDBOX, fn, ...args);
}

/** Select the text of #target with pristine built-ins; returns the selected text. */
export function selectTarget(bidi: BiDi, context: string): Promise<string> {
  return inSandbox(bidi, context, () => {
    const el = document.getElementById('target');
    if (!el) return '';
    const range = document.createRange();
    range.selectNodeContents(el.firstChild ?? el);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return sel.toString();
  });
}

/** Viewport position of #target's top-left corner, or null. */
export function targetCorner(bidi: BiDi, context: string): Promise<{ x: number; y: number } | null> {
  return inSandbox(bidi, context, () => {
    const r = document.getElementById('target')?.getBoundingClientRect();
    return r ? { x: r.left, y: r.top } : null;
  });
}

/**
 * Start counting, with listeners the page's overrides cannot touch, the forged Gleaner envelopes the page
 * posts (message events) and dispatches ('gleaner' CustomEvents): evidence, independent of the kit's own
 * counter, that the attacks ran. Read the count with forgeriesSeen.
 */
export function countForgeries(bidi: BiDi, context: string): Promise<void> {
  return inSandbox(bidi, context, () => {
    const scope = globalThis as unknown as { forgeries: number };
    scope.forgeries = 0;
    const count = () => scope.forgeries++;
    window.addEventListener('gleaner', count, true);
    window.addEventListener(
      'message',
      e => {
        const d = e.data as unknown;
        if (typeof d === 'string' ? d.includes('"gleaner":1') : (d as { gleaner?: unknown } | null)?.gleaner)
          count();
      },
      true,
    );
  });
}

export function forgeriesSeen(bidi: BiDi, context: string): Promise<number> {
  return inSandbox(bidi, context, () => (globalThis as unknown as { forgeries: number }).forgeries);
}

/**
 * Secrets any page script could read without the kit's help: the markup, the values of form fields (a
 * textarea's value is not in the markup, and the kit reads markup only) and every OPEN shadow root,
 * recursively. Closed roots (`shadowRoot` is null) stay closed here, as for the page.
 */
export function reachableSecrets(bidi: BiDi, context: string): Promise<string[]> {
  return inSandbox(bidi, context, () => {
    const found: string[] = [];
    const hunt = (text: string | null | undefined) => {
      for (const m of (text ?? '').match(/GLEANER-SECRET-[\w-]+/g) ?? [])
        if (!found.includes(m)) found.push(m);
    };
    const visit = (root: Document | ShadowRoot) => {
      const all = root.querySelectorAll('*');
      for (let i = 0; i < all.length; i++) {
        const el = all[i]!;
        if (/^(input|textarea|select)$/.test(el.localName)) hunt((el as HTMLInputElement).value);
        const shadow = el.shadowRoot;
        if (shadow) {
          hunt(shadow.innerHTML);
          visit(shadow);
        }
      }
    };
    hunt(document.documentElement.outerHTML);
    visit(document);
    return found;
  });
}

/** The page's markup (doctype and document), as Playwright's page.content() gives it in Chromium. */
export function pageContent(bidi: BiDi, context: string): Promise<string> {
  return inSandbox(bidi, context, () => new XMLSerializer().serializeToString(document));
}

/**
 * Whether the in-page card shows the secret, read from our CLOSED shadow root (markup and field values)
 * through BiDi's serialisation: the secret was there to steal. Null when it could not be read.
 */
export function secretInClosedShadow(bidi: BiDi, context: string): Promise<boolean | null> {
  return shadowRootsContent(bidi, context, HOSTILE_SANDBOX)
    .then(roots =>
      roots.some(r => r.mode === 'closed' && [r.html, ...r.values].some(t => t.includes(SECRET_MARK))),
    )
    .catch(() => null);
}

export interface KitReport {
  found: string[];
  replies: string[];
  idsSeen: number;
  scans: number;
  forged: number;
}

/** What the kit recorded on <html data-hostile-*>. */
export async function kitReport(bidi: BiDi, context: string): Promise<KitReport> {
  const attrs = await inSandbox(bidi, context, () => {
    const html = document.documentElement;
    const get = (n: string) => html.getAttribute(`data-hostile-${n}`);
    return {
      found: get('found'),
      replies: get('replies'),
      ids: get('ids'),
      scans: get('scans'),
      forged: get('forged'),
    };
  });
  const list = (s: string | null) => (s ?? '').split('\n').filter(Boolean);
  return {
    found: list(attrs.found),
    replies: list(attrs.replies),
    idsSeen: Number(attrs.ids ?? 'NaN'),
    scans: Number(attrs.scans ?? 'NaN'),
    forged: Number(attrs.forged ?? 'NaN'),
  };
}

/**
 * Traces of the content script in the PAGE's own realm, where page scripts look: own properties (names or
 * symbol descriptions containing "gleaner") of window, document, <html>, <body> and #target, and the
 * content script's load marker Symbol.for('gleaner.content-script') on window. In Firefox the content
 * script's globals and DOM expandos live behind Xrays and must not show here; only wrappedJSObject,
 * exportFunction or cloneInto could put them in the page. Written for broken built-ins (no push, join,
 * for-of or JSON; the page's own functions may be replaced): returns null when the page broke the probe.
 */
export async function pageRealmTraces(bidi: BiDi, context: string): Promise<string[] | null> {
  const reply = await bidi.send<{ type: string; result?: { type: string; value?: string } }>(
    'script.evaluate',
    {
      expression: `(() => {
      let out = '';
      const note = s => { out += (out ? '\\n' : '') + s; };
      try { if (Symbol.for('gleaner.content-script') in window) note('window[Symbol.for(gleaner.content-script)]'); } catch (e) { return null; }
      const look = (name, get) => {
        let obj;
        try { obj = get(); } catch (e) { return; }
        if (!obj) return;
        const keys = Reflect.ownKeys(obj);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          const n = typeof k === 'symbol' ? String(k.description) : k;
          if (/gleaner/i.test(n)) note(name + '.' + n);
        }
      };
      try {
        look('window', () => window);
        look('document', () => document);
        look('html', () => document.documentElement);
        look('body', () => document.body);
        look('target', () => document.querySelector('#target'));
      } catch (e) { return null; }
      return out;
    })()`,
      target: { context },
      awaitPromise: false,
    },
  );
  if (reply.type !== 'success' || reply.result?.type !== 'string') return null;
  return (reply.result.value ?? '').split('\n').filter(s => s.length > 0);
}
