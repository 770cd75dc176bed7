import { BLOCK, isElementExcluded, isInvisibleCode, isSpaceCode } from './text-model';

/**
 * Work between two shouldYield() calls, in units of one node or 32 characters of text (the walk's cost is
 * mostly per character: a page of long paragraphs has few nodes). About 8,000 characters, ~1-3 ms.
 */
const WALK_CHECK = 256;

/** Accumulates the rendered text and the runs during the walk. */
export class Builder {
  parts: string[] = [];
  length = 0;
  lastSpace = true;
  runOut: number[] = [];
  runRaw: number[] = [];
  runNode: number[] = [];
  nodes: Text[] = [];
  nodeFirstRun: number[] = [];
  nodeEndRun: number[] = [];
  nodeOut: number[] = [];
  nodeIds = new Map<Text, number>();
  breaks: number[] = [];
  private lastRunNode = -2;
  private lastRunRawEnd = -1;

  private emit(s: string, node: number, raw: number): void {
    if (node < 0 || node !== this.lastRunNode || raw !== this.lastRunRawEnd) {
      this.runOut.push(this.length);
      this.runRaw.push(raw);
      this.runNode.push(node);
    }
    this.lastRunNode = node;
    this.lastRunRawEnd = raw + s.length;
    this.parts.push(s);
    this.length += s.length;
  }

  private brk(): void {
    if (!this.lastSpace) {
      this.breaks.push(this.length);
      this.emit(' ', -1, 0);
      this.lastSpace = true;
    } else if (this.length > 0 && this.breaks[this.breaks.length - 1] !== this.length - 1) {
      // The page's own trailing whitespace already produced the space: it now stands for the boundary too.
      this.breaks.push(this.length - 1);
    }
  }

  private addText(t: Text): void {
    const id = this.nodes.length;
    this.nodes.push(t);
    this.nodeIds.set(t, id);
    this.nodeOut.push(this.length);
    this.nodeFirstRun.push(this.runOut.length);
    const data = t.data;
    const len = data.length;
    // Copy maximal stretches that render one-to-one (text and single spaces after text) in one emit; only
    // collapsed or non-' ' whitespace and invisible characters break a stretch.
    let seg = 0;
    let lastSpace = this.lastSpace;
    for (let i = 0; i < len; i++) {
      const c = data.charCodeAt(i);
      if (c === 32 ? !lastSpace : !isSpaceCode(c) && !isInvisibleCode(c)) {
        lastSpace = c === 32;
        continue;
      }
      if (i > seg) this.emit(seg === 0 && i === len ? data : data.slice(seg, i), id, seg);
      if (isSpaceCode(c) && !lastSpace) {
        this.emit(' ', id, i);
        lastSpace = true;
      }
      seg = i + 1;
    }
    if (len > seg) this.emit(seg === 0 ? data : data.slice(seg), id, seg);
    this.lastSpace = lastSpace;
    this.nodeEndRun.push(this.runOut.length);
    // A later node may start a run at a raw offset that happens to equal this node's end.
    this.lastRunNode = -2;
  }

  /** Next node to visit (the walk is resumable between slices); null when done. */
  private next: Node | null;

  constructor(private readonly root: Node) {
    if (root.nodeType === 3) {
      this.addText(root as Text);
      this.next = null;
    } else this.next = root.firstChild;
  }

  /** Walks on; returns true when done, false when `stop` asked to pause (checked every WALK_CHECK units of work). */
  run(stop?: () => boolean): boolean {
    const root = this.root;
    let n = this.next;
    let work = 0;
    while (n) {
      if (stop && work >= WALK_CHECK) {
        work = 0;
        if (stop()) {
          this.next = n;
          return false;
        }
      }
      work++;
      if (n.nodeType === 3) {
        work += (n as Text).data.length >> 5;
        this.addText(n as Text);
      } else if (n.nodeType === 1) {
        const el = n as Element;
        if (!isElementExcluded(el)) {
          const block = BLOCK.has(el.localName);
          if (block || el.localName === 'br') this.brk();
          if (n.firstChild) {
            n = n.firstChild;
            continue;
          }
          if (block) this.brk();
        }
      }
      while (n && !n.nextSibling) {
        n = n.parentNode;
        if (!n || n === root) {
          n = null;
          break;
        }
        if (n.nodeType === 1 && BLOCK.has((n as Element).localName)) this.brk();
      }
      if (n) n = n.nextSibling;
    }
    this.next = null;
    return true;
  }
}
