import type { Services } from '../app.ts';
import { DEMO_COLLECTIONS, DEMO_PRODUCTS } from './catalog.ts';
import { renderProductImage, type ImageSpec } from './product-image.ts';
import { imageSpecs, toProductInput, translation } from './product-input.ts';
import type { CollectionKey } from './types.ts';

const ACTOR = { label: 'demo-seed' };
/** Images encoded at once: each upload already fans out over several threads, so two keep a small server busy. */
const IMAGE_CONCURRENCY = 2;

/**
 * Fills an empty shop with the demo catalog: collections, products with stock, and drawn pictures.
 * It does not check for existing data: the CLI only calls it for a shop without products.
 */
export async function seedDemo(services: Services, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const { catalog, config } = services;
  const locale = config.defaultLocale;

  const collectionIds = new Map<CollectionKey, number>();
  const handles = new Map<CollectionKey, string>();
  for (const [position, c] of DEMO_COLLECTIONS.entries()) {
    const created = await catalog.collections.create({ position, translations: { fr: translation(c.fr), en: translation(c.en) } }, ACTOR);
    collectionIds.set(c.key, created.id);
    handles.set(c.key, created.handle);
  }

  const images: { productId: number; spec: ImageSpec; alt: string }[] = [];
  const productIds: number[] = [];
  for (const [index, p] of DEMO_PRODUCTS.entries()) {
    const created = await catalog.products.create(toProductInput(p, index, collectionIds, config.currency), ACTOR);
    productIds.push(created.id);
    for (const img of imageSpecs(p, locale)) images.push({ productId: created.id, ...img });
  }
  for (const c of DEMO_COLLECTIONS) {
    const inIt = DEMO_PRODUCTS.filter((p) => p.collections.includes(c.key));
    const drafts = inIt.filter((p) => p.status === 'draft').length;
    log(`  collection ${c[locale].title} (/${locale}/collections/${handles.get(c.key)}): ${inIt.length} products${drafts ? `, ${drafts} of them draft` : ''}`);
  }

  let next = 0;
  const worker = async () => {
    while (next < images.length) {
      const job = images[next++]!;
      const png = await renderProductImage(job.spec);
      await catalog.images.add(job.productId, png, job.alt, ACTOR);
    }
  };
  await Promise.all(Array.from({ length: IMAGE_CONCURRENCY }, worker));

  // The summary is read back from the shop rather than from the data, so it reports what was stored.
  // Reading also lets the reloads that each image upload starts in the background finish before the caller closes the database.
  let variants = 0;
  let stored = 0;
  for (const id of productIds) {
    const p = await catalog.products.get(id);
    variants += p?.variants.length ?? 0;
    stored += p?.images.length ?? 0;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`Demo catalog ready: ${productIds.length} products, ${variants} variants, ${stored} images, in ${seconds} s`);
}
