export interface Finding {
  file: string;
  line: number;
  rule: string;
  excerpt: string;
}
export declare const APPROVED: {
  permissions: string[];
  host_permissions: string[];
  optional_permissions: string[];
  optional_host_permissions: string[];
  content_script_matches: string[];
  csp: string;
  forbidden_keys: string[];
};
export declare const ALLOWED_HTML_SINKS: string[];
export declare function scan(text: string, rules: [string, RegExp][], file: string): Finding[];
export declare function checkManifest(manifest: Record<string, unknown>, file: string): Finding[];
export declare function checkAll(repoRoot?: string): { findings: Finding[]; sources: number };
