/**
 * Copy text with the async Clipboard API (needs a secure context and a user gesture), else with
 * execCommand('copy') and our text put on the copy event (works on http:// pages too).
 */
export async function copyText(doc: Document, text: string): Promise<boolean> {
  try {
    const clip = doc.defaultView?.navigator.clipboard;
    if (clip?.writeText) {
      await clip.writeText(text);
      return true;
    }
  } catch {
    // fall through to the legacy path
  }
  let wrote = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    wrote = true;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    return doc.execCommand('copy') && wrote;
  } catch {
    return false;
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
}
