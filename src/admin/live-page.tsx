import { assetUrl } from '../http/static.ts';
import type { LiveFigures } from '../metrics/index.ts';
import type { Session } from '../staff/index.ts';
import { adminTimeZone } from './dates.ts';
import { Layout } from './layout.tsx';
import { t } from './strings.ts';

// The merchant's live view. Every figure is formatted here once, for the page and for live.json
// alike, so admin-live.js only copies text into place and never formats anything itself.

const SCRIPT = assetUrl('admin-live.js');
const STYLES = assetUrl('admin-live.css');

export type BestSellerRow = { title: string; variant: string; sku: string; href: string | null; sold: string; onHand: string; available: string };

/** Text for each `data-live` slot of the page, and the best-sellers rows. */
export type LiveDisplay = {
  updatedAt: string;
  visitors: string;
  orders: string;
  queueLength: string;
  queueDetail: string;
  cacheRatio: string;
  cacheDetail: string;
  p99: string;
  latencyDetail: string;
  bestSellers: BestSellerRow[];
};

const number = new Intl.NumberFormat(t.numberLocale, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(t.numberLocale, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(t.numberLocale, { style: 'percent', maximumFractionDigits: 1 });

function duration(seconds: number): string {
  if (seconds < 60) return t.live.seconds(number.format(Math.ceil(seconds)));
  return t.live.minutes(number.format(Math.ceil(seconds / 60)));
}

const ms = (v: number | null) => (v === null ? t.live.none : t.live.ms(oneDecimal.format(v)));

export function liveDisplay(f: LiveFigures): LiveDisplay {
  const time = new Intl.DateTimeFormat(t.numberLocale, { timeStyle: 'medium', timeZone: adminTimeZone() }).format(new Date(f.at));
  return {
    updatedAt: t.live.updatedAt(time),
    visitors: number.format(f.visitorsNow),
    orders: number.format(f.ordersLastMinute),
    queueLength: number.format(f.queue.length),
    queueDetail: f.queue.length === 0 ? t.live.noQueue : f.queue.waitSeconds > 0 ? t.live.queueWait(duration(f.queue.waitSeconds)) : t.live.noEstimate,
    cacheRatio: percent.format(f.pageCache.hitRatio),
    cacheDetail: f.pageCache.connected ? t.live.cachePages(number.format(f.pageCache.entries)) : t.live.cacheOff,
    p99: ms(f.latency.p99Ms),
    latencyDetail: f.latency.requests > 0 ? t.live.latencyHint(ms(f.latency.p50Ms), oneDecimal.format(f.latency.requestsPerSecond)) : t.live.noRequests,
    bestSellers: f.bestSellers.map((b) => ({
      title: b.title,
      variant: b.variantTitle,
      sku: b.sku,
      href: b.productId === null ? null : `/admin/products/${b.productId}`,
      sold: number.format(b.unitsSold),
      onHand: b.tracked ? number.format(b.onHand) : t.live.untracked,
      available: b.tracked ? number.format(b.available) : t.live.untracked,
    })),
  };
}

function Figure({ label, slot, value, detail, detailSlot }: { label: string; slot: string; value: string; detail: string; detailSlot?: string }) {
  return (
    <section class="card">
      <h2>{label}</h2>
      <p class="big-number" data-live={slot}>
        {value}
      </p>
      <p class="muted" data-live={detailSlot}>
        {detail}
      </p>
    </section>
  );
}

export function LivePage({ session, shopName, d }: { session: Session | null; shopName: string; d: LiveDisplay }) {
  const head = (
    <>
      {/* Without JavaScript the page reloads itself; with it, admin-live.js updates the figures in place. */}
      <noscript>
        <meta http-equiv="refresh" content="5" />
      </noscript>
      <link rel="stylesheet" href={STYLES} />
      <script src={SCRIPT} defer />
    </>
  );
  return (
    <Layout title={t.live.title} session={session} nav="live" shopName={shopName} head={head}>
      <div id="live" data-source="/admin/live.json">
        <h1>{t.live.title}</h1>
        <p>{t.live.intro}</p>
        <p class="muted">
          <span data-live="updatedAt">{d.updatedAt}</span>. <span class="live-refresh" data-js-text={t.live.refreshing}>
            {t.live.refreshingNoScript}
          </span>
        </p>
        <p class="notice" data-live-stale hidden>
          {t.live.stale}
        </p>
        <div class="cards">
          <Figure label={t.live.visitors} slot="visitors" value={d.visitors} detail={t.live.visitorsHint} />
          <Figure label={t.live.orders} slot="orders" value={d.orders} detail={t.live.ordersHint} />
          <Figure label={t.live.queue} slot="queueLength" value={d.queueLength} detail={d.queueDetail} detailSlot="queueDetail" />
          <Figure label={t.live.cache} slot="cacheRatio" value={d.cacheRatio} detail={d.cacheDetail} detailSlot="cacheDetail" />
          <Figure label={t.live.latency} slot="p99" value={d.p99} detail={d.latencyDetail} detailSlot="latencyDetail" />
        </div>
        <h2>{t.live.bestSellers}</h2>
        <p class="empty-state" data-live-empty hidden={d.bestSellers.length > 0}>
          {t.live.noSales}
        </p>
        <table class="list" data-live-table hidden={d.bestSellers.length === 0}>
          <thead>
            <tr>
              <th scope="col">{t.live.product}</th>
              <th scope="col" class="num">{t.live.sold}</th>
              <th scope="col" class="num">{t.live.onHand}</th>
              <th scope="col" class="num">{t.live.available}</th>
            </tr>
          </thead>
          <tbody>
            {d.bestSellers.map((b) => (
              <tr>
                <th scope="row" class="cell-title">
                  {b.href ? <a href={b.href}>{b.title}</a> : <span>{b.title}</span>}
                  <span class="muted handle">{[b.variant, b.sku].filter(Boolean).join(' · ')}</span>
                </th>
                <td class="num" data-label={t.live.sold}>
                  {b.sold}
                </td>
                <td class="num" data-label={t.live.onHand}>
                  {b.onHand}
                </td>
                <td class="num" data-label={t.live.available}>
                  {b.available}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
