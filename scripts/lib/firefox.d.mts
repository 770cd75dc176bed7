import type { ChildProcess } from 'node:child_process';

export declare const FIREFOX_CANDIDATES: string[];
export declare const FIREFOX_INSTALL_HINT: string;
export declare const FIREFOX_PREFS: Record<string, string | number | boolean>;
export declare function findFirefox(): string | null;

/** A WebDriver BiDi connection: `send` resolves with the command's result or rejects with its error. */
export interface BiDi {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  on(event: string, listener: (params: Record<string, unknown>) => void): () => void;
  close(): void;
}

export interface FirefoxSession {
  bidi: BiDi;
  browserVersion: string;
  profileDir: string;
  process: ChildProcess;
  /** End the session, wait for Firefox to exit (killed after 10 s) and remove the profile. */
  close(): Promise<void>;
}

export declare function launchFirefox(
  root: string,
  options?: {
    headless?: boolean;
    prefs?: Record<string, string | number | boolean>;
    extensionUuids?: Record<string, string>;
    systemAccess?: boolean;
    args?: string[];
    log?: (text: string) => void;
  },
): Promise<FirefoxSession>;

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
