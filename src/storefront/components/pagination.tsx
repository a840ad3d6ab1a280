import type { Locale } from '../../catalog/index.ts';
import { t } from '../../i18n/index.ts';

/** Previous/next links that work without JavaScript; hrefFor keeps the filters and sort. */
export function Pagination({ locale, page, pages, hrefFor }: { locale: Locale; page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t(locale, 'pagination.label')}>
      {page > 1 ? (
        <a rel="prev" href={hrefFor(page - 1)}>
          {t(locale, 'pagination.prev')}
        </a>
      ) : null}
      <span aria-current="page">{t(locale, 'pagination.status', { page, pages })}</span>
      {page < pages ? (
        <a rel="next" href={hrefFor(page + 1)}>
          {t(locale, 'pagination.next')}
        </a>
      ) : null}
    </nav>
  );
}
