/** Search box and filters (site, tag, colour, date, highlights or pages). Controlled by the parent. */
import type { LibraryStats } from '../../../shared/messages';
import { COLORS, type Color } from '../../../shared/types';
import type { LibraryFilter } from '../../library-filter';
import { mark } from '../../perf';

export function Filters({
  filter,
  stats,
  colorLabels,
  onQuery,
  onChange,
}: {
  filter: LibraryFilter;
  stats: LibraryStats | null;
  colorLabels: Partial<Record<Color, string>>;
  onQuery: (q: string) => void;
  onChange: (patch: Partial<LibraryFilter>) => void;
}) {
  return (
    <div class="filters">
      <label class="search">
        <span class="sr-only">Search quotes, notes, tags, titles and addresses</span>
        <input
          type="search"
          placeholder="Search quotes, notes, tags, titles, URLs"
          value={filter.q}
          onInput={e => {
            mark('gleaner:search-input');
            onQuery(e.currentTarget.value);
          }}
          aria-controls="library-list"
        />
      </label>
      <div class="filter-row">
        <label>
          <span class="sr-only">Site</span>
          <select value={filter.site} onChange={e => onChange({ site: e.currentTarget.value })}>
            <option value="">All sites</option>
            {stats?.sites.map(s => (
              <option key={s.site} value={s.site}>
                {s.site} ({s.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="sr-only">Tag</span>
          <select value={filter.tag} onChange={e => onChange({ tag: e.currentTarget.value })}>
            <option value="">All tags</option>
            {stats?.tags.map(t => (
              <option key={t.tag} value={t.tag}>
                #{t.tag} ({t.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span class="sr-only">Colour</span>
          <select
            value={filter.color}
            onChange={e => onChange({ color: e.currentTarget.value as Color | '' })}
          >
            <option value="">All colours</option>
            {COLORS.map(c => (
              <option key={c} value={c}>
                {colorLabels[c] ? `${c}: ${colorLabels[c]}` : c}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="filter-row">
        <label class="date">
          <span class="sr-only">Changed on or after</span>
          <input
            type="date"
            title="From this date"
            value={filter.from}
            max={filter.to || undefined}
            onChange={e => onChange({ from: e.currentTarget.value })}
          />
        </label>
        <span aria-hidden="true">–</span>
        <label class="date">
          <span class="sr-only">Changed on or before</span>
          <input
            type="date"
            title="To this date"
            value={filter.to}
            min={filter.from || undefined}
            onChange={e => onChange({ to: e.currentTarget.value })}
          />
        </label>
        <label class="show">
          <span class="sr-only">Show</span>
          <select
            value={filter.show}
            disabled={Boolean(filter.q.trim())}
            title={filter.q.trim() ? 'Search covers highlights and pages' : undefined}
            onChange={e => onChange({ show: e.currentTarget.value as LibraryFilter['show'] })}
          >
            <option value="annotations">Highlights</option>
            <option value="pages">Pages</option>
          </select>
        </label>
      </div>
    </div>
  );
}
