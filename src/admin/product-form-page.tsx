import type { CollectionView, ProductView } from '../catalog/index.ts';
import type { Session } from '../staff/index.ts';
import { CheckboxField, CsrfField, ErrorSummary, Flash, type FormState, Section, SelectField, TextField, valueOf } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import { MAX_OPTIONS, productFieldLabel, variantRows } from './product-form.ts';
import { ProductImages, type UploadState } from './product-images.tsx';
import { t } from './strings.ts';
import { TranslationSections } from './translation-fields.tsx';

export type ProductPageProps = {
  product: ProductView | null;
  form: FormState;
  collections: CollectionView[];
  session: Session;
  shopName: string;
  flash: string | null;
  upload?: UploadState;
};

const statusOptions = (['draft', 'active', 'archived'] as const).map((s) => [s, t.status[s]] as const);
const taxOptions = (['standard', 'reduced', 'super_reduced', 'zero'] as const).map((c) => [c, t.taxCategory[c]] as const);

function General({ form }: { form: FormState }) {
  return (
    <Section title={t.product.general}>
      <div class="grid">
        <TextField name="handle" label={t.product.handle} hint={t.product.handleHint} form={form} maxLength={120} />
        <SelectField name="status" label={t.product.status} options={statusOptions} form={form} />
        <TextField name="vendor" label={t.product.vendor} form={form} maxLength={120} />
        <SelectField name="taxCategory" label={t.product.taxCategory} options={taxOptions} form={form} />
      </div>
    </Section>
  );
}

function Options({ form }: { form: FormState }) {
  return (
    <Section title={t.product.options}>
      <p class="hint">{t.product.optionsHint}</p>
      <div class="grid">
        {Array.from({ length: MAX_OPTIONS }, (_, i) => (
          <TextField name={`options.${i}`} label={t.product.optionName(i + 1)} form={form} maxLength={60} class={`option-name`} />
        ))}
      </div>
    </Section>
  );
}

function VariantRow({ form, row }: { form: FormState; row: number }) {
  const at = `variants.${row}`;
  const id = valueOf(form.values, `${at}.id`);
  const names = Array.from({ length: MAX_OPTIONS }, (_, k) => valueOf(form.values, `options.${k}`).trim());
  return (
    <fieldset class={`variant${id ? '' : ' new'}`}>
      <legend>{id ? t.product.variant(row + 1) : t.product.newVariant}</legend>
      {id && <input type="hidden" name={`${at}.id`} value={id} />}
      {id && <input type="hidden" name={`${at}.onHandWas`} value={valueOf(form.values, `${at}.onHandWas`)} />}
      <div class="variant-grid">
        <TextField name={`${at}.sku`} label={t.product.sku} form={form} maxLength={64} />
        <TextField name={`${at}.price`} label={t.product.price} form={form} inputMode="decimal" placeholder="12.50" maxLength={20} />
        <TextField name={`${at}.compareAtPrice`} label={t.product.compareAtPrice} form={form} inputMode="decimal" maxLength={20} />
        {names.map((name, k) => (
          <TextField
            name={`${at}.options.${k}`}
            label={name ? t.product.optionValue(name) : t.product.optionFallback(k + 1)}
            form={form}
            maxLength={60}
            class={`option-value option-slot-${k}${name ? '' : ' unused'}`}
          />
        ))}
        <TextField name={`${at}.onHand`} label={t.product.onHand} form={form} inputMode="numeric" maxLength={9} />
        <TextField name={`${at}.weightGrams`} label={t.product.weight} form={form} inputMode="numeric" maxLength={9} />
        <TextField name={`${at}.barcode`} label={t.product.barcode} form={form} maxLength={64} />
      </div>
      <div class="checks">
        <CheckboxField name={`${at}.trackInventory`} label={t.product.trackInventory} form={form} />
        <CheckboxField name={`${at}.allowBackorder`} label={t.product.allowBackorder} form={form} />
        {id && <CheckboxField name={`${at}.remove`} label={t.product.remove} form={form} class="danger" />}
      </div>
    </fieldset>
  );
}

function Variants({ form }: { form: FormState }) {
  const rows = variantRows(form.values);
  return (
    <Section title={t.product.variants} id="variants">
      <p class="hint">{t.product.variantsHint}</p>
      {Array.from({ length: rows }, (_, row) => (
        <VariantRow form={form} row={row} />
      ))}
    </Section>
  );
}

function Collections({ form, collections }: { form: FormState; collections: CollectionView[] }) {
  const errors = form.errors.collectionIds ?? [];
  return (
    <Section title={t.product.collections}>
      {errors.length > 0 && (
        <p class="field-error" id="f-collectionIds">
          {errors.join('; ')}
        </p>
      )}
      {collections.length === 0 ? (
        <p class="muted">{t.product.noCollections}</p>
      ) : (
        <div class="check-list">
          {collections.map((c) => (
            <CheckboxField name="collectionIds" value={String(c.id)} label={c.title} form={form} />
          ))}
        </div>
      )}
    </Section>
  );
}

export function ProductFormPage(p: ProductPageProps) {
  const product = p.product;
  const title = product ? t.product.editTitle(product.title) : t.product.newTitle;
  return (
    <Layout title={title} session={p.session} nav="products" shopName={p.shopName}>
      <p class="crumbs">
        <a href="/admin/products">{t.product.backToList}</a>
      </p>
      <h1>{title}</h1>
      {product && product.status === 'active' && (
        <p>
          <a href={`/${product.locale}/products/${product.handle}`}>{t.product.view}</a>
        </p>
      )}
      <Flash message={p.flash} />
      <ErrorSummary form={p.form} label={productFieldLabel} />
      <form id="product-form" class="stack" method="post" action={product ? `/admin/products/${product.id}` : '/admin/products'} data-option-value-label={t.product.optionValueTemplate}>
        <CsrfField token={p.session.csrfToken} />
        <General form={p.form} />
        <TranslationSections form={p.form} />
        <Options form={p.form} />
        <Variants form={p.form} />
        <Collections form={p.form} collections={p.collections} />
        <div class="form-actions">
          <button type="submit" class="button primary">
            {t.product.save}
          </button>
        </div>
      </form>
      {product && <ProductImages product={product} session={p.session} upload={p.upload} />}
      {product && product.status !== 'archived' && (
        <form class="archive" method="post" action={`/admin/products/${product.id}/archive`} data-confirm={t.product.archiveHint}>
          <CsrfField token={p.session.csrfToken} />
          <p class="hint">{t.product.archiveHint}</p>
          <button type="submit" class="button danger">
            {t.product.archive}
          </button>
        </form>
      )}
    </Layout>
  );
}
