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

export * from './firefox-bidi.mjs';
