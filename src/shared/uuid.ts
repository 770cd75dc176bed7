/**
 * Annotation ids: UUID v4, made where the annotation is created (the content script), so a save
 * retried after a worker restart carries the same id and cannot duplicate the record.
 */

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

/** A random UUID v4 (crypto.randomUUID where the context has it, else getRandomValues). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A stable UUID-shaped id derived from a foreign id (Hypothesis ids are not UUIDs), so importing
 * the same file twice maps each record to the same key. Version nibble 8 ("custom", RFC 9562).
 */
export async function uuidFrom(namespace: string, foreignId: string): Promise<string> {
  const data = new TextEncoder().encode(`${namespace}\u0000${foreignId}`);
  const b = new Uint8Array(await crypto.subtle.digest('SHA-256', data)).slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x80;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
