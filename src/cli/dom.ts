/**
 * HTML string -> jsdom Document for the CLI, tests and benchmarks: no scripts, no resource
 * loads, console noise swallowed. jsdom parses <style> sheets while parsing and some valid-in-the-
 * wild sheets make its CSS parser throw out of the HTML parser; the page is then parsed again
 * with the <style> contents emptied (the analysis reads no stylesheets, only inline styles).
 */
import { JSDOM, VirtualConsole } from 'jsdom';

export interface ParsedPage {
  dom: JSDOM;
  document: Document;
  /** True when the sheets had to be dropped to parse the page. */
  stylesDropped: boolean;
}

function quietConsole(): VirtualConsole {
  // No sendTo(): every message, including "Could not parse CSS stylesheet", is dropped.
  const vc = new VirtualConsole();
  vc.on('jsdomError', () => {});
  return vc;
}

const STYLE_BLOCK = /(<style\b[^>]*>)[^]*?(<\/style\s*>)/gi;

export function parseHtml(html: string, url?: string, opts: { dropStyles?: boolean } = {}): ParsedPage {
  const options = {
    url: url && /^[a-z][a-z0-9+.-]*:/i.test(url) ? url : 'about:blank',
    virtualConsole: quietConsole(),
    runScripts: undefined,
    resources: undefined,
    pretendToBeVisual: false,
  };
  if (!opts.dropStyles) {
    try {
      const dom = new JSDOM(html, options);
      return { dom, document: dom.window.document, stylesDropped: false };
    } catch {
      // fall through: parse again without the sheets
    }
  }
  const dom = new JSDOM(html.replace(STYLE_BLOCK, '$1$2'), options);
  return { dom, document: dom.window.document, stylesDropped: true };
}
