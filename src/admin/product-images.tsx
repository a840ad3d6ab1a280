import type { ProductView } from '../catalog/index.ts';
import { imageUrl, storedWidths } from '../media/images.ts';
import type { Session } from '../staff/index.ts';
import { CsrfField } from './form-fields.tsx';
import { t } from './strings.ts';

export type UploadState = { error: string | null; alt: string };

/** The image list and upload form of the product page; forms of their own, beside the product form. */
export function ProductImages({ product, session, upload }: { product: ProductView; session: Session; upload?: UploadState }) {
  const error = upload?.error ?? null;
  return (
    <section class="section images" id="images" aria-labelledby="images-title">
      <h2 id="images-title">{t.images.title}</h2>
      {product.images.length === 0 ? (
        <p class="muted">{t.images.none}</p>
      ) : (
        <ul class="image-list">
          {product.images.map((img) => {
            const w = storedWidths(img.width)[0]!;
            return (
              <li>
                <img src={imageUrl(img.key, w, 'webp')} alt={img.alt} width={120} height={Math.max(1, Math.round((120 * img.height) / img.width))} loading="lazy" />
                <form method="post" action={`/admin/products/${product.id}/images/${img.id}/delete`} data-confirm={t.images.confirmDelete}>
                  <CsrfField token={session.csrfToken} />
                  <button type="submit" class="button danger small">
                    {t.images.delete}
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <form id="image-form" class="stack upload" method="post" action={`/admin/products/${product.id}/images`} enctype="multipart/form-data">
        <h3>{t.images.upload}</h3>
        {/* The token comes before the file so it can be checked before the upload is read. */}
        <CsrfField token={session.csrfToken} />
        {error && (
          <p class="field-error" role="alert" id="f-image-error">
            {error}
          </p>
        )}
        <div class={`field${error ? ' has-error' : ''}`}>
          <label for="f-image-alt">{t.images.alt}</label>
          <input id="f-image-alt" name="alt" type="text" maxLength={255} value={upload?.alt ?? ''} />
        </div>
        <div class={`field${error ? ' has-error' : ''}`}>
          <label for="f-image">{t.images.file}</label>
          <input id="f-image" name="image" type="file" accept="image/*" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'f-image-error' : undefined} />
        </div>
        <button type="submit" class="button secondary">
          {t.images.submit}
        </button>
      </form>
    </section>
  );
}
