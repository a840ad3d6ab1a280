import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import type { CollectionView, ProductCard, ProductPage } from '../catalog/index.ts';
import { formatMoney } from '../lib/money.ts';
import { imageUrl, storedWidths } from '../media/images.ts';
import { Layout } from './layout.tsx';
import { sendPage } from './render.ts';
import { t } from './strings.ts';

const PER_PAGE = 25;
const STATUSES = ['any', 'draft', 'active', 'archived'] as const;
const blankAsMissing = (v: unknown) => (v === '' ? undefined : v);

const ListQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    status: z.preprocess(blankAsMissing, z.enum(STATUSES).default('any')),
    collection: z.preprocess(blankAsMissing, z.coerce.number().int().positive().optional()),
    page: z.preprocess(blankAsMissing, z.coerce.number().int().min(1).max(100_000).default(1)),
  })
  .strict();
type ListQuery = z.output<typeof ListQuery>;

function listUrl(q: ListQuery, page: number): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.status !== 'any') p.set('status', q.status);
  if (q.collection) p.set('collection', String(q.collection));
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return '/admin/products' + (s ? `?${s}` : '');
}

function Thumb({ card }: { card: ProductCard }) {
  if (!card.image) return <span class="thumb empty" aria-hidden="true" />;
  const w = storedWidths(card.image.width)[0]!;
  return <img class="thumb" src={imageUrl(card.image.key, w, 'webp')} alt="" width={64} height={Math.max(1, Math.round((64 * card.image.height) / card.image.width))} loading="lazy" />;
}

function price(card: ProductCard): string {
  const min = formatMoney(card.price, t.numberLocale);
  return card.maxPrice.amount !== card.price.amount ? `${min} – ${formatMoney(card.maxPrice, t.numberLocale)}` : min;
}

function Filters({ q, collections }: { q: ListQuery; collections: CollectionView[] }) {
  return (
    <form class="filters" method="get" action="/admin/products" role="search">
      <div class="field grow">
        <label for="list-q">{t.products.searchLabel}</label>
        <input id="list-q" name="q" type="search" value={q.q ?? ''} maxLength={200} />
      </div>
      <div class="field">
        <label for="list-status">{t.products.status}</label>
        <select id="list-status" name="status">
          {STATUSES.map((s) => (
            <option value={s} selected={q.status === s}>
              {t.status[s]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="list-collection">{t.products.collection}</label>
        <select id="list-collection" name="collection">
          <option value="">{t.products.anyCollection}</option>
          {collections.map((c) => (
            <option value={String(c.id)} selected={q.collection === c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </div>
      <div class="filter-actions">
        <button type="submit" class="button primary">
          {t.products.filter}
        </button>
        <a class="button secondary" href="/admin/products">
          {t.products.clear}
        </a>
      </div>
    </form>
  );
}

function ProductTable({ page }: { page: ProductPage }) {
  if (page.items.length === 0) return <p class="empty-state">{t.products.none}</p>;
  return (
    <table class="list">
      <thead>
        <tr>
          <th scope="col">{t.products.image}</th>
          <th scope="col">{t.products.productTitle}</th>
          <th scope="col">{t.products.status}</th>
          <th scope="col" class="num">{t.products.variants}</th>
          <th scope="col" class="num">{t.products.stock}</th>
          <th scope="col" class="num">{t.products.price}</th>
        </tr>
      </thead>
      <tbody>
        {page.items.map((card) => (
          <tr>
            <td class="cell-thumb">
              <Thumb card={card} />
            </td>
            <th scope="row" class="cell-title">
              <a href={`/admin/products/${card.id}`}>{card.title}</a>
              <span class="muted handle">{card.handle}</span>
            </th>
            <td data-label={t.products.status}>
              <span class={`badge status-${card.status}`}>{t.status[card.status]}</span>
            </td>
            <td class="num" data-label={t.products.variants}>
              {card.variantCount}
            </td>
            <td class="num" data-label={t.products.stock}>
              {card.onHand}
            </td>
            <td class="num" data-label={t.products.price}>
              {price(card)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Pager({ q, page }: { q: ListQuery; page: ProductPage }) {
  if (page.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={t.products.pageOf(page.page, page.pages)}>
      {page.page > 1 ? (
        <a class="button secondary" rel="prev" href={listUrl(q, page.page - 1)}>
          {t.products.previous}
        </a>
      ) : (
        <span />
      )}
      <span>{t.products.pageOf(page.page, page.pages)}</span>
      {page.page < page.pages ? (
        <a class="button secondary" rel="next" href={listUrl(q, page.page + 1)}>
          {t.products.next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

export function registerProductListRoutes(admin: FastifyInstance, services: Services): void {
  admin.withTypeProvider<ZodTypeProvider>().get('/products', { schema: { querystring: ListQuery } }, async (req, reply) => {
    const q = req.query;
    const locale = services.config.defaultLocale;
    const [page, collections] = await Promise.all([
      services.catalog.list({ locale, status: q.status, collectionId: q.collection, text: q.q || undefined, sort: 'newest', page: q.page, perPage: PER_PAGE }),
      services.catalog.collections.list(locale),
    ]);
    return sendPage(
      reply,
      200,
      <Layout title={t.products.title} session={req.adminSession} nav="products" shopName={services.config.shopName}>
        <div class="page-head">
          <h1>{t.products.title}</h1>
          <a class="button primary" href="/admin/products/new">
            {t.products.newProduct}
          </a>
        </div>
        <Filters q={q} collections={collections} />
        <p class="muted" aria-live="polite">
          {t.products.count(page.total)}
        </p>
        <ProductTable page={page} />
        <Pager q={q} page={page} />
      </Layout>,
    );
  });
}
