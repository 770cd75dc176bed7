import { afterEach, describe, expect, it } from 'vitest';
import { fakePlatform } from '../helpers/fake-platform';
import {
  DEFAULT_SETTINGS,
  isExcluded,
  loadSettings,
  onSettingsChanged,
  sanitizeSettings,
  saveSettings,
  type Settings,
} from '../../src/shared/settings';

afterEach(() => fakePlatform.reset());

describe('settings', () => {
  it('defaults when nothing is stored, and keeps valid fields of a damaged value', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    const s = sanitizeSettings({
      autoDetect: 'yes',
      highlightFigures: false,
      defaultColor: 'red',
      excludedSites: ['Example.COM', 42, 'bad site'],
    });
    expect(s.autoDetect).toBe(true);
    expect(s.highlightFigures).toBe(false);
    expect(s.defaultColor).toBe('yellow');
    expect(s.excludedSites).toEqual(['example.com']);
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('saves a patch and notifies listeners', async () => {
    const seen: Settings[] = [];
    const off = onSettingsChanged(s => seen.push(s));
    await saveSettings({
      defaultColor: 'green',
      colorLabels: { ...DEFAULT_SETTINGS.colorLabels, green: 'evidence' },
    });
    expect((await loadSettings()).defaultColor).toBe('green');
    expect(seen.at(-1)?.colorLabels.green).toBe('evidence');
    off();
    await saveSettings({ autoDetect: false });
    expect(seen).toHaveLength(1);
  });

  it('matches excluded sites and their subdomains only', () => {
    const s = sanitizeSettings({ excludedSites: ['example.com'] });
    expect(isExcluded('example.com', s)).toBe(true);
    expect(isExcluded('news.example.com', s)).toBe(true);
    expect(isExcluded('notexample.com', s)).toBe(false);
  });
});
