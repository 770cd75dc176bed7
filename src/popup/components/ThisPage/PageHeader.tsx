/** Article or not (and why), then title, authors, date, site and reading time: all as text. */
import type { PageAnalysis } from '../../../analysis/types';
import { formatDate, hostOf } from '../common/format';

export function PageHeader({ analysis }: { analysis: PageAnalysis }) {
  const { meta } = analysis;
  const title = meta.title || hostOf(analysis.url);
  // Reasons come as "+ …" (for) and "- …" (against): show the two that support the verdict.
  const sign = analysis.isArticle ? '+' : '-';
  const reasons = analysis.reasons
    .filter(r => !/^[+-]\s/.test(r) || r.startsWith(sign))
    .map(r => r.replace(/^[+-]\s*/, ''))
    .slice(0, 2)
    .join('; ');
  return (
    <header class="page-header">
      <p class={`verdict ${analysis.isArticle ? 'is-article' : 'not-article'}`}>
        <strong>{analysis.isArticle ? 'Article' : 'Not an article'}</strong>
        {reasons && <span class="why"> — {reasons}</span>}
      </p>
      <h2 class="page-title">{title}</h2>
      <p class="byline">
        {[
          meta.authors.length > 0 ? `By ${meta.authors.join(', ')}` : null,
          formatDate(meta.published) || null,
          meta.siteName || hostOf(analysis.url),
          analysis.readingMinutes > 0 ? `${Math.max(1, Math.round(analysis.readingMinutes))} min read` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </header>
  );
}
