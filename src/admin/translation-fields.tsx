import { LOCALES, type Locale, type Translation } from '../catalog/index.ts';
import { addError, type FormState, type FormValues, Section, TextArea, TextField, valueOf } from './form-fields.tsx';
import { t } from './strings.ts';

// Products and collections share the same texts per language: title, description and SEO fields.
const TEXT_FIELDS = ['title', 'description', 'seoTitle', 'seoDescription'] as const;
type TranslationDraft = { title: string; description: string; seoTitle: string | null; seoDescription: string | null };

export function translationValues(translations: Partial<Record<Locale, Translation>>): FormValues {
  const v: FormValues = {};
  for (const locale of LOCALES) {
    const tr = translations[locale];
    if (!tr) continue;
    v[`translations.${locale}.title`] = tr.title;
    v[`translations.${locale}.description`] = tr.description;
    v[`translations.${locale}.seoTitle`] = tr.seoTitle ?? '';
    v[`translations.${locale}.seoDescription`] = tr.seoDescription ?? '';
  }
  return v;
}

/** A language whose fields are all empty is left out; one with text but no title is a mistake to point at. */
export function readTranslations(values: FormValues, form: FormState): Partial<Record<Locale, TranslationDraft>> {
  const out: Partial<Record<Locale, TranslationDraft>> = {};
  for (const locale of LOCALES) {
    const at = `translations.${locale}`;
    const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, valueOf(values, `${at}.${f}`).replace(/\r\n/g, '\n')])) as Record<(typeof TEXT_FIELDS)[number], string>;
    if (TEXT_FIELDS.every((f) => texts[f].trim() === '')) continue;
    if (texts.title.trim() === '') addError(form, `${at}.title`, t.productErrors.titleForText);
    out[locale] = { title: texts.title, description: texts.description, seoTitle: texts.seoTitle.trim() || null, seoDescription: texts.seoDescription.trim() || null };
  }
  if (Object.keys(out).length === 0) addError(form, 'translations.fr.title', t.productErrors.titleRequired);
  return out;
}

export function translationLabel(name: string): string | undefined {
  const p = name.split('.');
  if (p[0] !== 'translations') return undefined;
  const field = { title: t.product.title, description: t.product.description, seoTitle: t.product.seoTitle, seoDescription: t.product.seoDescription }[p[2] ?? 'title'] ?? p[2];
  return `${field} (${t.locales[p[1] as Locale] ?? p[1]})`;
}

export function TranslationSections({ form }: { form: FormState }) {
  return (
    <>
      {LOCALES.map((locale) => {
        const at = `translations.${locale}`;
        return (
          <Section title={t.product.texts(t.locales[locale])}>
            <p class="hint">{t.product.textsHint}</p>
            <TextField name={`${at}.title`} label={t.product.title} form={form} maxLength={255} />
            <TextArea name={`${at}.description`} label={t.product.description} form={form} rows={5} maxLength={20_000} />
            <div class="grid">
              <TextField name={`${at}.seoTitle`} label={t.product.seoTitle} form={form} maxLength={255} />
              <TextArea name={`${at}.seoDescription`} label={t.product.seoDescription} form={form} rows={2} maxLength={320} />
            </div>
          </Section>
        );
      })}
    </>
  );
}
