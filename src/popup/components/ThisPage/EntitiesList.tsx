/** The key people and organisations, with the role the article gives them. */
import type { Entity } from '../../../analysis/types';

export function EntitiesList({ entities }: { entities: readonly Entity[] }) {
  const key = entities.filter(e => e.key && e.kind !== 'place');
  if (key.length === 0) return <p class="muted">No key people or organisations found.</p>;
  return (
    <ul class="entities" role="list">
      {key.map(e => (
        <li key={`${e.kind}:${e.name}`} role="listitem">
          <span class={`entity-kind ${e.kind}`} aria-label={e.kind === 'person' ? 'person' : 'organisation'}>
            {e.kind === 'person' ? '●' : '■'}
          </span>{' '}
          <strong>{e.name}</strong>
          {e.role && <span class="role">, {e.role}</span>}
          <span class="mentions muted">
            {' '}
            ({e.mentions} mention{e.mentions === 1 ? '' : 's'})
          </span>
        </li>
      ))}
    </ul>
  );
}
