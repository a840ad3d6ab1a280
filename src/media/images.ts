import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Metadata } from 'sharp';

// sharp (libvips) is loaded on the first upload, not at start: a shop serving pages never pays its memory.
const loadSharp = async () => (await import('sharp')).default;
import { AppError } from '../lib/errors.ts';

// Images are resized once, at upload, into the widths and formats pages ask for.
export const IMAGE_WIDTHS = [320, 640, 960, 1440] as const;
export const IMAGE_FORMATS = ['avif', 'webp'] as const;
/** A JPEG for Open Graph previews: social networks do not all read AVIF. */
export const OG_WIDTH = 1200;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'tiff', 'heif']);
const MAX_PIXELS = 40_000_000;

export type StoredImage = { key: string; width: number; height: number };

export function imageUrl(key: string, width: number, format: 'avif' | 'webp' | 'jpg'): string {
  return `/media/products/${key}-${width}.${format}`;
}

/** The widths actually stored for an image of this width (never upscaled; always one). */
export function storedWidths(originalWidth: number): number[] {
  const ws = IMAGE_WIDTHS.filter((w) => w <= originalWidth);
  return ws.length ? [...ws] : [originalWidth];
}

export function ogWidth(originalWidth: number): number {
  return Math.min(OG_WIDTH, originalWidth);
}

export async function storeProductImage(input: Buffer, uploadDir: string): Promise<StoredImage> {
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new AppError('UNSUPPORTED_MEDIA', 'the file is not an image we can read: upload a JPEG, PNG, WebP or AVIF', [{ field: 'image', message: 'not a readable image' }]);
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) {
    throw new AppError('UNSUPPORTED_MEDIA', `image format ${meta.format ?? 'unknown'} is not accepted: upload a JPEG, PNG, WebP or AVIF`, [{ field: 'image', message: 'unsupported format' }]);
  }
  // EXIF orientation is applied so phone photos stand the right way up.
  const oriented = meta.orientation && meta.orientation >= 5 ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
  const key = randomBytes(10).toString('hex');
  const dir = join(uploadDir, 'products');
  await mkdir(dir, { recursive: true });
  const base = sharp(input, { limitInputPixels: MAX_PIXELS }).rotate();
  const jobs: Promise<unknown>[] = [];
  for (const w of storedWidths(oriented.width)) {
    jobs.push(base.clone().resize({ width: w }).avif({ quality: 55, effort: 2 }).toFile(join(dir, `${key}-${w}.avif`)));
    jobs.push(base.clone().resize({ width: w }).webp({ quality: 78 }).toFile(join(dir, `${key}-${w}.webp`)));
  }
  const og = ogWidth(oriented.width);
  jobs.push(base.clone().resize({ width: og }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toFile(join(dir, `${key}-${og}.jpg`)));
  try {
    await Promise.all(jobs);
  } catch (e) {
    await removeProductImage(key, oriented.width, uploadDir);
    throw new AppError('UNSUPPORTED_MEDIA', 'the image could not be processed: try another file', [{ field: 'image', message: String((e as Error).message) }]);
  }
  return { key, ...oriented };
}

export async function removeProductImage(key: string, width: number, uploadDir: string): Promise<void> {
  const dir = join(uploadDir, 'products');
  const files = storedWidths(width).flatMap((w) => IMAGE_FORMATS.map((f) => `${key}-${w}.${f}`));
  files.push(`${key}-${ogWidth(width)}.jpg`);
  await Promise.all(files.map((f) => rm(join(dir, f), { force: true })));
}
