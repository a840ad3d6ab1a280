import { renderToString } from 'preact-render-to-string';
import { formatMoney } from '../../lib/money.ts';
import type { OrderView } from '../../orders/index.ts';

const STRINGS = {
  fr: {
    subject: (n: number, shop: string) => `${shop} — commande n° ${n} confirmée`,
    hello: 'Bonjour,',
    thanks: (n: number) => `Merci pour votre commande n° ${n}. Voici son récapitulatif.`,
    pending: 'Votre commande est enregistrée ; nous l’expédierons dès réception du paiement.',
    subtotal: 'Sous-total', discount: 'Remise', shipping: 'Livraison', total: 'Total', vat: (r: string) => `dont TVA ${r}`,
    address: 'Adresse de livraison', follow: 'Suivre ma commande', qty: 'Qté',
  },
  en: {
    subject: (n: number, shop: string) => `${shop} — order #${n} confirmed`,
    hello: 'Hello,',
    thanks: (n: number) => `Thank you for your order #${n}. Here is its summary.`,
    pending: 'Your order is recorded; we will ship it as soon as the payment arrives.',
    subtotal: 'Subtotal', discount: 'Discount', shipping: 'Shipping', total: 'Total', vat: (r: string) => `incl. VAT ${r}`,
    address: 'Shipping address', follow: 'Track my order', qty: 'Qty',
  },
};

export function orderConfirmationMail(o: OrderView, opts: { shopName: string; statusUrl: string; instructions: string | null }) {
  const t = STRINGS[o.locale];
  const money = (m: { amount: number; currency: string }) => formatMoney(m, o.locale);
  const rate = (bp: number) => `${(bp / 100).toLocaleString(o.locale)} %`;
  const a = o.shippingAddress;
  const addressLines = [a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean) as string[];
  const pending = o.status === 'pending_payment';
  const totals: [string, string][] = [
    [t.subtotal, money(o.subtotal)],
    ...(o.discount.amount ? [[`${t.discount}${o.discountCode ? ` (${o.discountCode})` : ''}`, `−${money(o.discount)}`] as [string, string]] : []),
    [`${t.shipping} (${o.shippingMethod.name})`, money(o.shipping)],
    [t.total, money(o.total)],
    ...o.taxLines.map((l) => [t.vat(rate(l.rateBp)), money(l.tax)] as [string, string]),
  ];

  const text = [
    t.hello,
    '',
    t.thanks(o.number),
    ...(pending ? [t.pending] : []),
    ...(opts.instructions ? [opts.instructions] : []),
    '',
    ...o.lines.map((l) => `${l.quantity} × ${l.title}${l.variantTitle !== 'Default' ? ` (${l.variantTitle})` : ''} — ${money(l.total)}`),
    '',
    ...totals.map(([k, v]) => `${k}: ${v}`),
    '',
    `${t.address}:`,
    ...addressLines,
    '',
    `${t.follow}: ${opts.statusUrl}`,
    '',
    opts.shopName,
  ].join('\n');

  const html =
    '<!doctype html>' +
    renderToString(
      <html lang={o.locale}>
        <body style="font-family:system-ui,sans-serif;color:#1d1d1f;max-width:600px;margin:auto;padding:16px">
          <p>{t.hello}</p>
          <p>{t.thanks(o.number)}</p>
          {pending && <p>{t.pending}</p>}
          {opts.instructions && <p style="background:#f4f1ea;padding:8px">{opts.instructions}</p>}
          <table style="width:100%;border-collapse:collapse" role="presentation">
            {o.lines.map((l) => (
              <tr style="border-bottom:1px solid #ddd">
                <td style="padding:6px 0">
                  {l.title}
                  {l.variantTitle !== 'Default' && <small> — {l.variantTitle}</small>}
                </td>
                <td style="padding:6px;text-align:right">
                  {t.qty} {l.quantity}
                </td>
                <td style="padding:6px 0;text-align:right">{money(l.total)}</td>
              </tr>
            ))}
          </table>
          <table style="width:100%;margin-top:12px" role="presentation">
            {totals.map(([k, v]) => (
              <tr>
                <td>{k}</td>
                <td style="text-align:right">{v}</td>
              </tr>
            ))}
          </table>
          <h2 style="font-size:16px">{t.address}</h2>
          <p>
            {addressLines.map((line) => (
              <>
                {line}
                <br />
              </>
            ))}
          </p>
          <p>
            <a href={opts.statusUrl}>{t.follow}</a>
          </p>
          <p>{opts.shopName}</p>
        </body>
      </html>,
    );
  return { subject: t.subject(o.number, opts.shopName), text, html };
}
