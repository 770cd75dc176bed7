/**
 * `npm start` without a browser: it must say that Chromium is missing and how to install it, and
 * exit 1, before building anything.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('npm start', () => {
  it('explains how to install Chromium when none is found, and exits 1', () => {
    const run = spawnSync(process.execPath, [resolve(repoRoot, 'scripts/start.mjs'), '--headless'], {
      cwd: repoRoot,
      env: { ...process.env, CHROME_PATH: resolve(repoRoot, '.tmp/no-such-chromium'), DISPLAY: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Chromium was not found/);
    expect(run.stderr).toMatch(/apt-get install -y chromium/);
    expect(run.stdout).not.toMatch(/built dist/);
  });
});
