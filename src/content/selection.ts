/**
 * The user's text selection, as a Range we may highlight: not collapsed, not blank, inside <body>, not in an
 * editable field and not in our own UI. Describing it happens in highlights.ts with the same root
 * (document.body) that anchoring uses.
 */
import { isEditable } from './safe';

export function selectedRange(doc: Document, isOwn: (node: Node) => boolean = () => false): Range | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const active = doc.activeElement;
  // A selection inside <input>/<textarea> is reported on the field's container: check focus as well.
  if (active && active !== doc.body && isEditable(active)) return null;
  const range = sel.getRangeAt(0);
  if (range.collapsed) return null;
  if (isEditable(range.startContainer) || isEditable(range.endContainer)) return null;
  if (isOwn(range.commonAncestorContainer)) return null;
  if (!doc.body || !doc.body.contains(range.commonAncestorContainer)) return null;
  if (!range.toString().trim()) return null;
  return range.cloneRange();
}

export function clearSelection(doc: Document): void {
  doc.getSelection()?.removeAllRanges();
}
