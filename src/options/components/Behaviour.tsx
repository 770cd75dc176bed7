/** The on/off settings. Each change is saved at once and reaches open tabs through storage.onChanged. */
import type { Settings } from '../../shared/settings';

type Flag = 'autoDetect' | 'highlightFigures' | 'selectionToolbar';

const FLAGS: { key: Flag; label: string; help: string }[] = [
  {
    key: 'autoDetect',
    label: 'Detect articles automatically',
    help: 'Read every page as it loads. When off, Gleaner reads a page only when you open its popup.',
  },
  {
    key: 'highlightFigures',
    label: 'Mark key figures in articles',
    help: 'Underline the numbers that carry the story.',
  },
  {
    key: 'selectionToolbar',
    label: 'Show the toolbar when I select text',
    help: 'The right-click menu and the keyboard shortcut work either way.',
  },
];

export function Behaviour({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (patch: Partial<Settings>) => void;
}) {
  return (
    <section aria-labelledby="behaviour-h">
      <h2 id="behaviour-h">Reading</h2>
      {FLAGS.map(f => (
        <div class="toggle" key={f.key}>
          <label>
            <input
              type="checkbox"
              checked={settings[f.key]}
              aria-describedby={`${f.key}-help`}
              onChange={e => onChange({ [f.key]: e.currentTarget.checked })}
            />{' '}
            {f.label}
          </label>
          <p class="help" id={`${f.key}-help`}>
            {f.help}
          </p>
        </div>
      ))}
    </section>
  );
}
