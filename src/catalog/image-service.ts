import { audit, type Actor } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { nowIso } from '../lib/clock.ts';
import { notFound } from '../lib/errors.ts';
import { removeProductImage, storeProductImage } from '../media/images.ts';
import { toImageView } from './product-queries.ts';
import type { ImageView } from './types.ts';

export function createImageService(deps: { db: Db; uploadDir: string; onChange?: (productId: number) => Promise<void> }) {
  const { db, uploadDir } = deps;
  return {
    /** Files are written first; if the row cannot be written they are removed again. */
    async add(productId: number, file: Buffer, alt: string, actor: Actor): Promise<ImageView> {
      const exists = await db.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst();
      if (!exists) throw notFound(`Product ${productId}`);
      const stored = await storeProductImage(file, uploadDir);
      let row;
      try {
        row = await transaction(db, async (trx) => {
          const last = await trx.selectFrom('product_images').select((eb) => eb.fn.max('position').as('p')).where('product_id', '=', productId).executeTakeFirst();
          const r = await trx
            .insertInto('product_images')
            .values({ product_id: productId, position: Number(last?.p ?? 0) + 1, storage_key: stored.key, width: stored.width, height: stored.height, alt: alt.slice(0, 255), created_at: nowIso() })
            .returningAll()
            .executeTakeFirstOrThrow();
          await trx.updateTable('products').set({ updated_at: nowIso() }).where('id', '=', productId).execute();
          await audit(trx, actor, 'product.image.add', 'product', productId, { image: r.id });
          return r;
        });
      } catch (e) {
        await removeProductImage(stored.key, stored.width, uploadDir);
        throw e;
      }
      await deps.onChange?.(productId);
      return toImageView(row);
    },

    async remove(productId: number, imageId: number, actor: Actor): Promise<void> {
      const row = await transaction(db, async (trx) => {
        const r = await trx.selectFrom('product_images').selectAll().where('id', '=', imageId).where('product_id', '=', productId).executeTakeFirst();
        if (!r) throw notFound(`Image ${imageId} of product ${productId}`);
        await trx.deleteFrom('product_images').where('id', '=', imageId).execute();
        await trx.updateTable('products').set({ updated_at: nowIso() }).where('id', '=', productId).execute();
        await audit(trx, actor, 'product.image.remove', 'product', productId, { image: imageId });
        return r;
      });
      await removeProductImage(row.storage_key, row.width, uploadDir);
      await deps.onChange?.(productId);
    },
  };
}

export type ImageService = ReturnType<typeof createImageService>;
