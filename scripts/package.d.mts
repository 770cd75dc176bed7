export declare function packageFiles(dir: string): string[];
export declare function packageBrowser(
  browser: string,
  extension: string,
  distDir?: string,
): { out: string; count: number };
