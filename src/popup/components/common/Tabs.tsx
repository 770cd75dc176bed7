/**
 * WAI-ARIA tabs: a tablist whose tabs move with Left/Right/Home/End (automatic activation), one tab
 * in the tab order at a time (roving tabindex). Panels are rendered by the caller with
 * `tabpanelProps(id)` so ids and labels match.
 */
import { useRef } from 'preact/hooks';
import { useRovingKeys } from '../../hooks/use-roving-focus';

export interface TabDef<Id extends string> {
  id: Id;
  label: string;
}

export function Tabs<Id extends string>({
  tabs,
  selected,
  onSelect,
  label,
}: {
  tabs: readonly TabDef<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = useRovingKeys(tabs.length, 'horizontal');
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const next = move(e.key, index);
    if (next === null) return;
    e.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    refs.current[next]?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={el => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === selected ? 0 : -1}
          onClick={() => onSelect(t.id)}
          onKeyDown={e => onKeyDown(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export const tabpanelProps = (id: string) => ({
  role: 'tabpanel' as const,
  id: `panel-${id}`,
  'aria-labelledby': `tab-${id}`,
  tabIndex: 0,
});
