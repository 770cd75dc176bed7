/**
 * Bytes of a saved page -> string, by the page's declared charset: BOM first, then a
 * `<meta charset>` / `<meta http-equiv=Content-Type content="...charset=...">` in the first
 * 4 KB (as browsers pre-scan), else UTF-8. Unknown labels fall back to UTF-8 instead of throwing.
 */
export function sniffCharset(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // The pre-scan is ASCII-compatible: latin1 maps each byte to one char, so offsets hold.
  const head = latin1(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head) ??
    /<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:-]{1,40})/i.exec(head);
  const label = m?.[1]?.toLowerCase();
  if (!label) return 'utf-8';
  // A page that says utf-16 in an ASCII meta is not UTF-16 (HTML spec: treat as utf-8).
  if (label.startsWith('utf-16')) return 'utf-8';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return 'utf-8';
  }
}

export function decodeHtml(bytes: Uint8Array): { text: string; charset: string } {
  const charset = sniffCharset(bytes);
  // TextDecoder strips a matching BOM itself.
  return { text: new TextDecoder(charset).decode(bytes), charset };
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 1024) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 1024)));
  }
  return s;
}
