import type { CartView } from '../../cart/index.ts';
import type { Customer } from '../../customers/index.ts';
import { MIN_PASSWORD } from '../../customers/index.ts';
import { t, type Locale } from '../../i18n/index.ts';
import { formatMoney, type Money } from '../../lib/money.ts';
import { CHECKOUT_FIELDS, fieldId, type CheckoutField, type CheckoutValues, type Problems } from '../checkout-form.ts';
import type { Quote } from '../checkout-quote.ts';
import { countries, countryName } from '../countries.ts';
import { CsrfField, ErrorSummary, FieldError } from '../components/form-errors.tsx';
import { TotalsTable } from '../components/totals-table.tsx';
import { Layout, type PageContext } from '../layout.tsx';
import { variantLabel } from '../variant-choice.ts';

export type CheckoutPageProps = {
  ctx: PageContext;
  cart: CartView;
  values: CheckoutValues;
  problems: Problems;
  quote: Quote;
  /** Enabled payment providers, in the order the shop lists them. */
  providers: string[];
  customer: Customer | null;
  csrf: string;
};

type FieldProps = {
  name: CheckoutField;
  label: string;
  value: string;
  problems: Problems;
  type?: 'text' | 'email' | 'tel' | 'password';
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  hint?: string;
  inputMode?: 'numeric' | 'text';
};

/** aria-describedby for a field: its hint and its error, when present. */
function describedBy(name: CheckoutField, hint: boolean, problems: Problems): string | undefined {
  const id = fieldId(name);
  return [hint ? `${id}-hint` : null, problems.fields[name] ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function TextField({ name, label, value, problems, type = 'text', autocomplete, required = true, maxLength = 200, hint, inputMode }: FieldProps) {
  const id = fieldId(name);
  const error = problems.fields[name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError id={id} message={error} />
      <input
        id={id}
        name={name}
        type={type as 'text'}
        value={value}
        autocomplete={autocomplete}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, !!hint, problems)}
      />
    </div>
  );
}

function Summary({ locale, cart, quote }: { locale: Locale; cart: CartView; quote: Quote }) {
  const money = (amount: number): Money => ({ amount, currency: cart.currency });
  const { totals } = quote;
  return (
    <section class="checkout-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t(locale, 'checkout.summary')}</h2>
      <ul class="summary-lines">
        {cart.lines.map((l) => (
          <li>
            <span class="summary-title">
              {l.title}
              {variantLabel(l.variantTitle) ? <span class="muted"> ({variantLabel(l.variantTitle)})</span> : null}
              <span class="muted"> {t(locale, 'order.lineQuantity', { quantity: l.quantity, price: formatMoney(l.unitPrice, locale) })}</span>
            </span>
            <span class="summary-amount">{formatMoney(l.total, locale)}</span>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/${locale}/cart`}>{t(locale, 'checkout.editCart')}</a>
      </p>
      <TotalsTable
        locale={locale}
        totals={{
          subtotal: money(totals.subtotal),
          discount: money(totals.discount),
          discountCode: quote.code?.code ?? null,
          shipping: quote.method ? money(totals.shipping) : null,
          total: money(totals.total),
          taxLines: totals.taxLines.map((x) => ({ rateBp: x.rateBp, tax: money(x.tax) })),
        }}
      />
    </section>
  );
}

function PaymentChoice({ locale, id, values, problems }: { locale: Locale; id: string; values: CheckoutValues; problems: Problems }) {
  const inputId = `checkout-payment-${id}`;
  const hint = id === 'bank_transfer' ? 'checkout.bankHint' : id === 'cod' ? 'checkout.codHint' : id === 'stripe' ? 'checkout.stripeHint' : null;
  return (
    <div class="payment-choice">
      <div class="choice">
        <input type="radio" id={inputId} name="paymentProvider" value={id} checked={values.paymentProvider === id} required />
        <label for={inputId}>{t(locale, `payment.${id}` as 'payment.test')}</label>
      </div>
      {hint ? <p class="hint">{t(locale, hint)}</p> : null}
      {id === 'test' ? (
        <TextField
          name="cardNumber"
          label={t(locale, 'checkout.cardNumber')}
          value=""
          problems={problems}
          autocomplete="cc-number"
          inputMode="numeric"
          required={false}
          maxLength={23}
          hint={t(locale, 'checkout.cardHint')}
        />
      ) : null}
    </div>
  );
}

/** One page, one form: contact, address, shipping, summary with discount, payment, account, terms. Works without JavaScript. */
export function CheckoutPage({ ctx, cart, values, problems, quote, providers, customer, csrf }: CheckoutPageProps) {
  const { locale, site } = ctx;
  const v = values;
  const summaryItems = [
    ...problems.general.map((message) => ({ href: null, message })),
    ...CHECKOUT_FIELDS.flatMap((name) => (problems.fields[name] ? [{ href: `#${fieldId(name)}`, message: problems.fields[name]! }] : [])),
  ];
  const title = t(locale, 'checkout.title');
  const codeError = problems.fields.discountCode;
  const methodError = problems.fields.shippingMethodId;
  const paymentError = problems.fields.paymentProvider;
  return (
    <Layout ctx={ctx} seo={{ title: `${title} | ${site.config.shopName}`, description: t(locale, 'checkout.metaDescription'), canonical: null }}>
      <h1>{title}</h1>
      <ErrorSummary title={t(locale, 'checkout.errorSummary')} items={summaryItems} />
      <form id="checkout-form" method="post" action={`/${locale}/checkout`} class="checkout">
        <CsrfField token={csrf} />
        <input type="hidden" name="checkoutKey" value={v.checkoutKey} />

        <fieldset>
          <legend>{t(locale, 'checkout.contact')}</legend>
          <TextField name="email" label={t(locale, 'checkout.email')} value={v.email} problems={problems} type="email" autocomplete="email" maxLength={255} hint={t(locale, 'checkout.emailHint')} />
          {customer ? (
            <p class="muted">{t(locale, 'checkout.loggedInAs', { email: customer.email })}</p>
          ) : (
            <p class="muted">
              {t(locale, 'checkout.haveAccount')} <a href={`/${locale}/account/login?next=${encodeURIComponent(`/${locale}/checkout`)}`}>{t(locale, 'checkout.login')}</a>
            </p>
          )}
        </fieldset>

        <fieldset>
          <legend>{t(locale, 'checkout.address')}</legend>
          <TextField name="name" label={t(locale, 'checkout.name')} value={v.name} problems={problems} autocomplete="shipping name" maxLength={120} />
          <TextField name="line1" label={t(locale, 'checkout.line1')} value={v.line1} problems={problems} autocomplete="shipping address-line1" />
          <TextField name="line2" label={t(locale, 'checkout.line2')} value={v.line2} problems={problems} autocomplete="shipping address-line2" required={false} />
          <TextField name="postalCode" label={t(locale, 'checkout.postalCode')} value={v.postalCode} problems={problems} autocomplete="shipping postal-code" maxLength={16} />
          <TextField name="city" label={t(locale, 'checkout.city')} value={v.city} problems={problems} autocomplete="shipping address-level2" maxLength={100} />
          <div class={problems.fields.country ? 'field has-error' : 'field'}>
            <label for={fieldId('country')}>{t(locale, 'checkout.country')}</label>
            <FieldError id={fieldId('country')} message={problems.fields.country} />
            <select id={fieldId('country')} name="country" autocomplete="shipping country" required aria-invalid={problems.fields.country ? 'true' : undefined} aria-describedby={describedBy('country', false, problems)}>
              {countries(locale).map((c) => (
                <option value={c.code} selected={c.code === quote.country}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <TextField name="phone" label={t(locale, 'checkout.phone')} value={v.phone} problems={problems} type="tel" autocomplete="shipping tel" required={false} maxLength={30} hint={t(locale, 'checkout.phoneHint')} />
          <button type="submit" name="action" value="refresh" class="secondary" id="checkout-refresh" formnovalidate>
            {t(locale, 'checkout.refresh')}
          </button>
        </fieldset>

        <fieldset id={fieldId('shippingMethodId')} tabindex={-1} aria-describedby={methodError ? `${fieldId('shippingMethodId')}-error` : undefined}>
          <legend>{t(locale, 'checkout.shipping')}</legend>
          <FieldError id={fieldId('shippingMethodId')} message={methodError} />
          {quote.options.length === 0 ? (
            <p class="notice">{t(locale, 'checkout.noShipping', { country: countryName(quote.country, locale) })}</p>
          ) : (
            quote.options.map((o) => (
              <div class="choice">
                <input type="radio" id={`checkout-shipping-${o.id}`} name="shippingMethodId" value={String(o.id)} checked={quote.method?.id === o.id} required />
                <label for={`checkout-shipping-${o.id}`}>
                  {o.name} — {o.price === 0 ? t(locale, 'checkout.free') : formatMoney({ amount: o.price, currency: cart.currency }, locale)}
                </label>
              </div>
            ))
          )}
        </fieldset>

        <Summary locale={locale} cart={cart} quote={quote} />

        <div class={codeError ? 'field discount has-error' : 'field discount'}>
          <label for={fieldId('discountCode')}>{t(locale, 'checkout.discount')}</label>
          <FieldError id={fieldId('discountCode')} message={codeError} />
          {quote.code && !codeError ? (
            <p class="applied" role="status">
              {t(locale, 'checkout.discountApplied', { code: quote.code.code })}
            </p>
          ) : null}
          <div class="inline-field">
            <input
              id={fieldId('discountCode')}
              name="discountCode"
              type="text"
              value={v.discountCode}
              maxLength={64}
              autocomplete="off"
              aria-invalid={codeError ? 'true' : undefined}
              aria-describedby={describedBy('discountCode', false, problems)}
            />
            <button type="submit" name="action" value="apply" class="secondary" id="checkout-apply" formnovalidate>
              {t(locale, 'checkout.apply')}
            </button>
          </div>
        </div>

        <fieldset id={fieldId('paymentProvider')} tabindex={-1} aria-describedby={paymentError ? `${fieldId('paymentProvider')}-error` : undefined}>
          <legend>{t(locale, 'checkout.payment')}</legend>
          <FieldError id={fieldId('paymentProvider')} message={paymentError} />
          {providers.map((id) => (
            <PaymentChoice locale={locale} id={id} values={v} problems={problems} />
          ))}
        </fieldset>

        {customer ? null : (
          <fieldset>
            <legend>{t(locale, 'checkout.account')}</legend>
            <div class="check">
              <input type="checkbox" id={fieldId('createAccount')} name="createAccount" value="1" checked={v.createAccount} aria-describedby={describedBy('createAccount', false, problems)} />
              <label for={fieldId('createAccount')}>{t(locale, 'checkout.createAccount')}</label>
            </div>
            <FieldError id={fieldId('createAccount')} message={problems.fields.createAccount} />
            <TextField name="password" label={t(locale, 'checkout.password', { min: MIN_PASSWORD })} value="" problems={problems} type="password" autocomplete="new-password" required={false} />
          </fieldset>
        )}

        <div class={problems.fields.terms ? 'terms has-error' : 'terms'}>
          <FieldError id={fieldId('terms')} message={problems.fields.terms} />
          <div class="check">
            <input type="checkbox" id={fieldId('terms')} name="terms" value="1" checked={v.terms} required aria-invalid={problems.fields.terms ? 'true' : undefined} aria-describedby={describedBy('terms', false, problems)} />
            <label for={fieldId('terms')}>{t(locale, 'checkout.terms')}</label>
          </div>
          <p>
            <a href={`/${locale}/pages/terms`} target="_blank" rel="noopener">
              {t(locale, 'checkout.readTerms')}
            </a>
          </p>
        </div>

        <button type="submit" name="action" value="place" class="primary" id="checkout-submit">
          {t(locale, 'checkout.place')}
        </button>
      </form>
    </Layout>
  );
}
