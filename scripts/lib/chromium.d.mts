import type { BrowserContext, Worker } from 'playwright-core';
export declare const CHROMIUM_CANDIDATES: string[];
export declare const INSTALL_HINT: string;
export declare const BROWSER_ARGS: string[];
export declare const defaultTmp: string;
export declare function findChromium(): string | null;
export declare function requireChromium(): string;
export declare function tempDir(root: string, prefix: string): string;
export declare function launchWithExtension(
  extensionDir: string,
  options?: {
    userDataDir?: string;
    headless?: boolean;
    args?: string[];
    viewport?: { width: number; height: number } | null;
  },
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }>;
export declare function serveDirectory(
  dir: string,
): Promise<{ origin: string; url(path: string): string; close(): Promise<void> }>;
