import type { BiDi } from './firefox.mjs';

export declare function installExtension(bidi: BiDi, dir: string): Promise<string>;
export declare function openTab(bidi: BiDi, url: string): Promise<string>;
export declare function openExtensionPage(bidi: BiDi, uuid: string, path: string): Promise<string>;
export declare function backgroundState(bidi: BiDi, addonId: string): Promise<string>;
export declare function terminateBackground(bidi: BiDi, addonId: string): Promise<string>;
export declare function consoleErrors(
  bidi: BiDi,
  sourcePrefix: string,
): Promise<{ source: string; message: string }[]>;
export declare function reload(bidi: BiDi, context: string): Promise<void>;
export declare function screenshot(bidi: BiDi, context: string, path: string): Promise<void>;
export declare function evaluate<A extends unknown[], R>(
  bidi: BiDi,
  context: string,
  fn: (...args: A) => R | Promise<R>,
  ...args: A
): Promise<R>;

export interface Point {
  x: number;
  y: number;
}
export declare function mouseDrag(
  bidi: BiDi,
  context: string,
  from: Point,
  to: Point,
  steps?: number,
): Promise<void>;
export declare function mouseClick(bidi: BiDi, context: string, point: Point): Promise<void>;
export declare const KEYS: Record<
  'Tab' | 'Enter' | 'Shift' | 'Control' | 'Alt' | 'Escape' | 'ArrowLeft' | 'ArrowRight',
  string
>;
export declare function pressKeys(bidi: BiDi, context: string, keys: string[]): Promise<void>;
export declare function typeText(bidi: BiDi, context: string, text: string): Promise<void>;
export declare function evaluateInSandbox<A extends unknown[], R>(
  bidi: BiDi,
  context: string,
  sandbox: string,
  fn: (...args: A) => R | Promise<R>,
  ...args: A
): Promise<R>;
export declare function shadowRootsContent(
  bidi: BiDi,
  context: string,
  sandbox: string,
): Promise<{ host: string; mode: string | undefined; html: string; values: string[] }[]>;
