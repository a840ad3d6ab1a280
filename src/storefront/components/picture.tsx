import type { ImageView } from '../../catalog/index.ts';
import { imageUrl, ogWidth, storedWidths } from '../../media/images.ts';

function srcset(image: ImageView, format: 'avif' | 'webp'): string {
  return storedWidths(image.width)
    .map((w) => `${imageUrl(image.key, w, format)} ${w}w`)
    .join(', ');
}

/**
 * A responsive image: AVIF, then WebP, then the JPEG made for social previews as the last resort.
 * width/height reserve the space so the page does not jump while images load.
 */
export function Picture({ image, alt, sizes, priority = 'lazy' }: { image: ImageView; alt: string; sizes: string; priority?: 'high' | 'eager' | 'lazy' }) {
  return (
    <picture>
      <source type="image/avif" srcset={srcset(image, 'avif')} sizes={sizes} />
      <source type="image/webp" srcset={srcset(image, 'webp')} sizes={sizes} />
      <img
        src={imageUrl(image.key, ogWidth(image.width), 'jpg')}
        alt={alt}
        width={image.width}
        height={image.height}
        loading={priority === 'lazy' ? 'lazy' : undefined}
        fetchpriority={priority === 'high' ? 'high' : undefined}
        decoding={priority === 'lazy' ? 'async' : undefined}
      />
    </picture>
  );
}
