/** Sites where Gleaner stays out entirely: add (validated) and remove. Subdomains are included. */
import { useState } from 'preact/hooks';
import type { Settings } from '../../shared/settings';
import { parseSite } from '../site-input';

export function ExcludedSites({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const parsed = parseSite(input);
    if (!parsed.ok) return setError(parsed.message);
    if (settings.excludedSites.includes(parsed.host)) return setError(`${parsed.host} is already excluded.`);
    setError('');
    setInput('');
    onChange({ excludedSites: [...settings.excludedSites, parsed.host] });
  };
  return (
    <section aria-labelledby="excluded-h">
      <h2 id="excluded-h">Excluded sites</h2>
      <p class="help">Gleaner does nothing on these sites or their subdomains.</p>
      <form class="inline" onSubmit={add}>
        <label for="site-input" class="sr-only">
          Site to exclude
        </label>
        <input
          id="site-input"
          type="text"
          placeholder="example.com"
          value={input}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'site-error' : undefined}
          onInput={e => setInput(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
      </form>
      {error && (
        <p class="error" id="site-error" role="alert">
          {error}
        </p>
      )}
      {settings.excludedSites.length === 0 ? (
        <p class="muted">No sites excluded.</p>
      ) : (
        <ul class="sites" aria-label="Excluded sites">
          {settings.excludedSites.map(site => (
            <li key={site}>
              <span>{site}</span>{' '}
              <button
                type="button"
                aria-label={`Remove ${site}`}
                onClick={() => onChange({ excludedSites: settings.excludedSites.filter(s => s !== site) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
