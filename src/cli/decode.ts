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

/** windows-1252 bytes 0x80..0x9F (U+FFFD where the code page leaves a hole). */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

export function decodeHtml(bytes: Uint8Array): { text: string; charset: string } {
  const charset = sniffCharset(bytes);
  // TextDecoder strips a matching BOM itself.
  let text = new TextDecoder(charset).decode(bytes);
  // Node builds with small ICU decode windows-1252 (and its aliases latin1/iso-8859-1/ascii) as
  // ISO-8859-1, leaving C1 controls where the page has dashes, quotes and the euro sign.
  if (charset === 'windows-1252') {
    text = text.replace(/[\u0080-\u009f]/g, c => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return { text, charset };
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 1024) {
    s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 1024)));
  }
  return s;
}
