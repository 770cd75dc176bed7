/** The default highlight colour and what the user means by each colour. Labels save when edited. */
import { useState } from 'preact/hooks';
import type { Settings } from '../../shared/settings';
import { COLORS, type Color } from '../../shared/types';

export function Colours({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}) {
  const [labels, setLabels] = useState(settings.colorLabels);
  // Follow saved labels when they change (another tab), without an effect that would run after the
  // first keystroke and drop it.
  const [saved, setSaved] = useState(settings.colorLabels);
  if (saved !== settings.colorLabels) {
    setSaved(settings.colorLabels);
    setLabels(settings.colorLabels);
  }
  const commit = (c: Color) => {
    if (labels[c] !== settings.colorLabels[c])
      onChange({ colorLabels: { ...settings.colorLabels, [c]: labels[c] } });
  };
  return (
    <section aria-labelledby="colours-h">
      <h2 id="colours-h">Colours</h2>
      <p class="help">Choose the colour new highlights get, and say what each colour means to you.</p>
      <table class="colours">
        <thead>
          <tr>
            <th scope="col">Default</th>
            <th scope="col">Colour</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {COLORS.map(c => (
            <tr key={c}>
              <td>
                <input
                  type="radio"
                  name="default-colour"
                  aria-label={`Use ${c} by default`}
                  checked={settings.defaultColor === c}
                  onChange={() => onChange({ defaultColor: c })}
                />
              </td>
              <td>
                <span class={`swatch color-${c}`} aria-hidden="true" /> {c}
              </td>
              <td>
                <input
                  type="text"
                  maxLength={60}
                  aria-label={`What ${c} means`}
                  placeholder={c === 'green' ? 'e.g. evidence' : c === 'pink' ? 'e.g. to check' : ''}
                  value={labels[c]}
                  onInput={e => setLabels({ ...labels, [c]: e.currentTarget.value })}
                  onBlur={() => commit(c)}
                  onKeyDown={e => e.key === 'Enter' && commit(c)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
