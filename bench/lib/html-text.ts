/**
 * Plain text of an extractor's HTML output for the shingle metric: block elements become line
 * breaks (textContent alone would glue "</p><p>" neighbours into one token).
 */
const BLOCKS =
  /^(P|DIV|SECTION|ARTICLE|H[1-6]|LI|UL|OL|DL|DT|DD|BLOCKQUOTE|PRE|TABLE|TR|TD|TH|FIGURE|FIGCAPTION|HEADER|FOOTER|MAIN|ASIDE|BR|HR|ADDRESS|DETAILS|SUMMARY)$/;

export function elementText(root: Node): string {
  const parts: string[] = [];
  const stack: Array<Node | null> = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === null) {
      parts.push('\n');
      continue;
    }
    if (n === undefined) continue;
    if (n.nodeType === 3) parts.push((n as Text).data);
    else if (n.nodeType === 1 || n.nodeType === 9 || n.nodeType === 11) {
      const tag = n.nodeType === 1 ? (n as Element).tagName.toUpperCase() : '';
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') continue;
      const block = BLOCKS.test(tag);
      if (block) {
        parts.push('\n');
        stack.push(null);
      }
      const kids: Node[] = [];
      for (let c = n.firstChild; c; c = c.nextSibling) kids.push(c);
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
    }
  }
  return parts
    .join('')
    .split('\n')
    .map(l => l.replace(/\s+/g, ' ').trim())
    .filter(l => l.length > 0)
    .join('\n');
}

/** Text of an HTML fragment, parsed into a template of `doc` (the bench's own jsdom document). */
export function htmlText(doc: Document, html: string): string {
  // Benchmark only: extractor output parsed in an inert document (no scripts run), never shown anywhere.
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  return elementText(new Parser().parseFromString(html, 'text/html').body);
}
