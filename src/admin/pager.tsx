import { t } from './strings.ts';

/** Previous / next links for a paged list; `href(n)` keeps the list's filters. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t.pager.pageOf(page, pages)}>
      {page > 1 ? (
        <a class="button secondary" rel="prev" href={href(Math.min(page - 1, pages))}>
          {t.pager.previous}
        </a>
      ) : (
        <span />
      )}
      <span>{t.pager.pageOf(page, pages)}</span>
      {page < pages ? (
        <a class="button secondary" rel="next" href={href(page + 1)}>
          {t.pager.next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
