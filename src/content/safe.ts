/**
 * Built-ins captured when the content script starts, before any later page script can replace them.
 *
 * In Chrome the content script runs in an isolated world, so page overrides of DOM prototypes do not reach
 * it; Firefox's Xray wrappers give the same guarantee for DOM methods but not for every JS built-in. Capturing
 * the few functions our safety depends on is cheap insurance either way.
 */
const ElementProto = Element.prototype;
const NodeProto = Node.prototype;

const attachShadowFn = ElementProto.attachShadow;
const appendChildFn = NodeProto.appendChild;
const removeChildFn = NodeProto.removeChild;
const insertBeforeFn = NodeProto.insertBefore;
const cryptoObj: Crypto | undefined = globalThis.crypto;
const getRandomValuesFn = cryptoObj?.getRandomValues;

export function attachClosedShadow(host: Element): ShadowRoot {
  return attachShadowFn.call(host, { mode: 'closed' });
}

export function appendChild<T extends Node>(parent: Node, child: T): T {
  return appendChildFn.call(parent, child) as T;
}

export function removeChild(parent: Node, child: Node): void {
  removeChildFn.call(parent, child);
}

export function insertBefore(parent: Node, child: Node, ref: Node | null): void {
  insertBeforeFn.call(parent, child, ref);
}

function randomBytes(n: number): Uint8Array {
  const bytes = new Uint8Array(n);
  if (cryptoObj && getRandomValuesFn) getRandomValuesFn.call(cryptoObj, bytes);
  else for (let i = 0; i < n; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

/** A random valid custom-element name ("g" + letters), so pages cannot target our host by name. */
export function randomElementName(prefix: string): string {
  const letters = Array.from(randomBytes(8), x => String.fromCharCode(97 + (x % 26))).join('');
  return `${prefix}-${letters}`;
}

/** True when node sits inside an editable field: input, textarea, or contenteditable content. */
export function isEditable(node: Node | null): boolean {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  if (!el) return false;
  if (el.closest('input, textarea, select')) return true;
  const host = el as HTMLElement;
  if (host.isContentEditable) return true;
  // jsdom has no isContentEditable; the attribute check covers it.
  const ce = el.closest('[contenteditable]');
  return !!ce && ce.getAttribute('contenteditable') !== 'false';
}
