/** The manifest's keyboard commands as the browser reports them, and where to change them. */
import { useEffect, useState } from 'preact/hooks';
import { optionsClient, type CommandInfo } from '../client';

export function Shortcuts() {
  const [commands, setCommands] = useState<CommandInfo[] | null>(null);
  useEffect(() => {
    void optionsClient.commands().then(setCommands);
  }, []);
  const [failed, setFailed] = useState(false);
  const where = optionsClient.shortcutSettings();
  return (
    <section aria-labelledby="shortcuts-h">
      <h2 id="shortcuts-h">Keyboard shortcuts</h2>
      {commands === null ? (
        <p class="muted" role="status">
          Loading…
        </p>
      ) : commands.length === 0 ? (
        <p class="muted">The browser did not list any shortcuts.</p>
      ) : (
        <table class="shortcuts">
          <tbody>
            {commands.map(c => (
              <tr key={c.name}>
                <td>{c.description}</td>
                <td>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">not set</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="row">
        <button
          type="button"
          onClick={() => void optionsClient.openShortcutSettings().then(r => setFailed(!r.ok))}
        >
          Change shortcuts…
        </button>
      </p>
      <p class={failed ? 'error' : 'help'} role={failed ? 'alert' : undefined}>
        {failed ? "The browser didn't open its shortcut settings. " : 'Or by hand: '}
        {where.howTo}
      </p>
    </section>
  );
}
