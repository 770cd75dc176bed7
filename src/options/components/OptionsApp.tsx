/**
 * The options page. Settings load once and follow storage.onChanged (another tab or the popup may
 * change them); each edit is saved at once, so open tabs pick it up without a reload.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../shared/settings';
import { optionsClient } from '../client';
import { Behaviour } from './Behaviour';
import { Colours } from './Colours';
import { DeleteEverything } from './DeleteEverything';
import { ExcludedSites } from './ExcludedSites';
import { Shortcuts } from './Shortcuts';
import { StorageSection } from './StorageSection';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    let live = true;
    void optionsClient.loadSettings().then(s => live && setSettings(s));
    const off = optionsClient.onSettingsChanged(s => setSettings(s));
    return () => {
      live = false;
      off();
    };
  }, []);
  const change = useCallback(async (patch: Partial<Settings>) => {
    setSettings(s => (s ? { ...s, ...patch } : s));
    try {
      setSettings(await optionsClient.saveSettings(patch));
      setStatus('Saved. Open tabs use the new setting now.');
    } catch (e) {
      setStatus(`Couldn't save the setting: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, []);
  const onChange = (patch: Partial<Settings>) => void change(patch);
  return (
    <main>
      <h1>Gleaner settings</h1>
      {settings === null ? (
        <p role="status">Loading your settings…</p>
      ) : (
        <>
          <Behaviour settings={settings} onChange={onChange} />
          <Colours settings={settings} onChange={onChange} />
          <ExcludedSites settings={settings} onChange={onChange} />
        </>
      )}
      <Shortcuts />
      <StorageSection />
      <DeleteEverything />
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </main>
  );
}
