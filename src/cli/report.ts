/** The human-readable report of one PageAnalysis (the CLI's default output). */
import type { PageAnalysis } from '../analysis/types';

const MAX_FIGURES = 8;

function line(label: string, value: string | null | undefined): string {
  return `  ${(label + ':').padEnd(15)}${value && value.length > 0 ? value : '-'}`;
}

export function formatReport(a: PageAnalysis, name: string): string {
  const out: string[] = [];
  const m = a.meta;
  out.push(name);
  out.push(line('Article', `${a.isArticle ? 'yes' : 'no'} (score ${a.articleScore.toFixed(2)})`));
  if (a.reasons.length > 0) out.push(line('Why', a.reasons.slice(0, 6).join('; ')));
  out.push(line('Title', m.title));
  out.push(line('Authors', m.authors.join(', ')));
  out.push(line('Published', m.published));
  out.push(line('Site', m.siteName));
  out.push(line('Section', m.section));
  out.push(line('Language', m.lang));
  out.push(line('Words', a.wordCount > 0 ? `${a.wordCount} (${a.readingMinutes} min read)` : null));
  const key = a.figures.filter(f => f.key);
  const figures = (key.length > 0 ? key : a.figures).slice(0, MAX_FIGURES);
  if (figures.length > 0) {
    out.push('  Key figures:');
    for (const f of figures) {
      out.push(`    - ${f.text}${f.counted ? ` ${f.counted}` : ''} [${f.kind}]`);
    }
  }
  const people = a.entities.filter(e => e.kind === 'person' && e.key);
  const orgs = a.entities.filter(e => e.kind === 'organization' && e.key);
  if (people.length > 0) {
    out.push(line('People', people.map(e => (e.role ? `${e.name} (${e.role})` : e.name)).join(', ')));
  }
  if (orgs.length > 0) out.push(line('Organisations', orgs.map(e => e.name).join(', ')));
  if (a.summary.length > 0) {
    out.push('  Summary:');
    a.summary.forEach((s, i) => out.push(`    ${i + 1}. ${s}`));
  }
  return out.join('\n');
}
