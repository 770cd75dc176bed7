/**
 * An in-memory stand-in for src/platform/browser.ts in unit tests (wired by the alias in
 * vitest.config.ts). It models what the code relies on: runtime messaging with real sender
 * objects (so the router's authorisation runs as in the browser), tabs.sendMessage to a content
 * listener registered per tab, storage.local with onChanged, and no-op menus/commands.
 *
 * Messages are structured-cloned on the way in and out, as the browser does, so a test notices a
 * payload that would not survive the trip.
 */
type Listener = (message: unknown, sender: FakeSender) => unknown;
type ChangeListener = (
  changes: Record<string, { oldValue?: unknown; newValue?: unknown }>,
  area: string,
) => void;

export interface FakeSender {
  id?: string;
  url?: string;
  tab?: { id: number; url?: string };
  frameId?: number;
}

export const EXTENSION_ID = 'gleanerfakeextensionidaaaaaaaaaa';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

/** Senders for tests: an extension page, or a content script in tab `tabId` on `url`. */
export const senders = {
  popup: (): FakeSender => ({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` }),
  background: (): FakeSender => ({ id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}background.js` }),
  content: (tabId: number, url: string): FakeSender => ({
    id: EXTENSION_ID,
    url,
    tab: { id: tabId, url },
    frameId: 0,
  }),
  otherExtension: (): FakeSender => ({
    id: 'someotherextensionidbbbbbbbbbbbb',
    url: 'chrome-extension://other/x.html',
  }),
};

function listenerSet<T>() {
  const set = new Set<T>();
  return {
    set,
    addListener: (l: T) => void set.add(l),
    removeListener: (l: T) => void set.delete(l),
    hasListener: (l: T) => set.has(l),
  };
}

const backgroundListeners = listenerSet<Listener>();
const tabListeners = new Map<number, Set<Listener>>();
const storageChanged = listenerSet<ChangeListener>();
let store = new Map<string, unknown>();
let currentSender: FakeSender = senders.popup();

async function deliver(
  listeners: Iterable<Listener>,
  message: unknown,
  sender: FakeSender,
): Promise<unknown> {
  const cloned = structuredClone(message);
  for (const listener of listeners) {
    const reply = listener(cloned, structuredClone(sender));
    if (reply !== undefined) return structuredClone(await reply);
  }
  throw new Error('Could not establish connection. Receiving end does not exist.');
}

export const browser = {
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => EXTENSION_ORIGIN + path.replace(/^\//, ''),
    getManifest: () => ({ name: 'Gleaner', version: '0.0.0-test', manifest_version: 3 }),
    sendMessage: (message: unknown) => deliver(backgroundListeners.set, message, currentSender),
    onMessage: backgroundListeners,
    onInstalled: listenerSet<() => void>(),
  },
  tabs: {
    sendMessage: (tabId: number, message: unknown) =>
      deliver(tabListeners.get(tabId) ?? [], message, senders.background()),
    query: async () => [] as { id: number }[],
    create: async (props: { url: string }) => ({ id: 999, url: props.url }),
  },
  storage: {
    local: {
      get: async (keys?: string | string[] | null) => {
        const wanted = keys == null ? [...store.keys()] : Array.isArray(keys) ? keys : [keys];
        return Object.fromEntries(
          wanted.filter(k => store.has(k)).map(k => [k, structuredClone(store.get(k))]),
        );
      },
      set: async (items: Record<string, unknown>) => {
        const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
        for (const [k, v] of Object.entries(items)) {
          changes[k] = { oldValue: store.get(k), newValue: structuredClone(v) };
          store.set(k, structuredClone(v));
        }
        for (const l of storageChanged.set) l(changes, 'local');
      },
      remove: async (keys: string | string[]) => {
        for (const k of Array.isArray(keys) ? keys : [keys]) store.delete(k);
      },
      clear: async () => void (store = new Map()),
    },
    onChanged: storageChanged,
  },
  contextMenus: {
    create: () => undefined,
    removeAll: async () => undefined,
    onClicked: listenerSet<(...args: unknown[]) => void>(),
  },
  commands: { onCommand: listenerSet<(command: string) => void>() },
};

/** Test controls. */
export const fakePlatform = {
  /** Every runtime.sendMessage after this comes from `sender` (default: the popup). */
  setSender(sender: FakeSender) {
    currentSender = sender;
  },
  /** Register a content-script listener for a tab (what `serve()` does inside a content script). */
  captureTabListeners(tabId: number, run: () => void) {
    const before = new Set(backgroundListeners.set);
    run();
    const added = [...backgroundListeners.set].filter(l => !before.has(l));
    for (const l of added) backgroundListeners.set.delete(l);
    tabListeners.set(tabId, new Set(added));
  },
  /** Deliver a raw message to the background listeners as `sender`; resolves with the raw reply. */
  dispatch(message: unknown, sender: FakeSender) {
    return deliver(backgroundListeners.set, message, sender);
  },
  reset() {
    backgroundListeners.set.clear();
    tabListeners.clear();
    storageChanged.set.clear();
    store = new Map();
    currentSender = senders.popup();
  },
};

export type MessageSender = FakeSender;
export type Browser = typeof browser;
