/** The hostile fixture pages (tests/fixtures/pages/hostile/<name>/index.html), shared by the Chromium and Firefox suites. */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const hostileDir = resolve(import.meta.dirname, '../fixtures/pages/hostile');

export const HOSTILE_PAGES = readdirSync(hostileDir, { withFileTypes: true })
  .filter(d => d.isDirectory() && existsSync(join(hostileDir, d.name, 'index.html')))
  .map(d => d.name)
  .sort();
