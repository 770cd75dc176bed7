/**
 * User settings, kept in storage.local under one key and applied live: every context listens to
 * storage.onChanged, so a change in the options page reaches open tabs without a reload.
 *
 * Reading never fails: a missing or malformed stored value falls back field by field to the
 * defaults, so a settings bug can never stop the content script from working.
 */
import { browser } from '../platform/browser';
import { COLORS, type Color } from './types';

export interface Settings {
  /** Run article detection and analysis on every page (off: only when the popup asks). */
  autoDetect: boolean;
  /** Mark the key figures in article pages. */
  highlightFigures: boolean;
  /** Show the selection toolbar (the context menu and keyboard command work either way). */
  selectionToolbar: boolean;
  defaultColor: Color;
  /** What the user means by each colour ("green: evidence"). */
  colorLabels: Record<Color, string>;
  /** Host names (and their subdomains) where Gleaner stays out entirely. */
  excludedSites: string[];
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = {
  autoDetect: true,
  highlightFigures: true,
  selectionToolbar: true,
  defaultColor: 'yellow',
  colorLabels: { yellow: '', green: '', blue: '', pink: '', purple: '' },
  excludedSites: [],
};

const isColor = (v: unknown): v is Color =>
  typeof v === 'string' && (COLORS as readonly string[]).includes(v);

/** Coerce anything into valid Settings, keeping each valid field and defaulting the rest. */
export function sanitizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const bool = (k: 'autoDetect' | 'highlightFigures' | 'selectionToolbar') =>
    typeof r[k] === 'boolean' ? (r[k] as boolean) : DEFAULT_SETTINGS[k];
  const labelsIn = (
    typeof r.colorLabels === 'object' && r.colorLabels !== null ? r.colorLabels : {}
  ) as Record<string, unknown>;
  const colorLabels = Object.fromEntries(
    COLORS.map(c => [c, typeof labelsIn[c] === 'string' ? (labelsIn[c] as string).slice(0, 60) : '']),
  ) as Record<Color, string>;
  const excludedSites = Array.isArray(r.excludedSites)
    ? [
        ...new Set(
          r.excludedSites
            .filter((s): s is string => typeof s === 'string')
            .map(s => s.trim().toLowerCase())
            .filter(s => /^[a-z0-9.-]{1,253}$/.test(s)),
        ),
      ].slice(0, 1000)
    : [];
  return {
    autoDetect: bool('autoDetect'),
    highlightFigures: bool('highlightFigures'),
    selectionToolbar: bool('selectionToolbar'),
    defaultColor: isColor(r.defaultColor) ? r.defaultColor : DEFAULT_SETTINGS.defaultColor,
    colorLabels,
    excludedSites,
  };
}

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return sanitizeSettings(stored[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = sanitizeSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Call `listener` with the new settings whenever they change; returns an unsubscribe function. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[SETTINGS_KEY]) listener(sanitizeSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

/** True when `hostname` is an excluded site or a subdomain of one. */
export function isExcluded(hostname: string, settings: Settings): boolean {
  const host = hostname.toLowerCase();
  return settings.excludedSites.some(site => host === site || host.endsWith(`.${site}`));
}
