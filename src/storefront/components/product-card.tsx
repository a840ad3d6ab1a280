import type { Locale, ProductCard as Card } from '../../catalog/index.ts';
import { t } from '../../i18n/index.ts';
import { Picture } from './picture.tsx';
import { Price } from './price.tsx';

export const GRID_SIZES = '(min-width: 64em) 22vw, (min-width: 40em) 30vw, 46vw';

/** One product in a grid; the first row loads its image at once, the rest when scrolled near. */
export function ProductCard({ locale, card, eager, heading: H = 'h2' }: { locale: Locale; card: Card; eager: boolean; heading?: 'h2' | 'h3' }) {
  return (
    <li class="product-card">
      <a href={`/${locale}/products/${card.handle}`}>
        {card.image ? <Picture image={card.image} alt="" sizes={GRID_SIZES} priority={eager ? 'eager' : 'lazy'} /> : <span class="no-image" />}
        <H class="card-title">{card.title}</H>
      </a>
      <Price locale={locale} price={card.price} maxPrice={card.maxPrice} compareAt={card.compareAtPrice} />
      {card.available ? null : <span class="badge">{t(locale, 'stock.soldOut')}</span>}
    </li>
  );
}

export function ProductGrid({ locale, cards, eagerCount = 2, heading }: { locale: Locale; cards: Card[]; eagerCount?: number; heading?: 'h2' | 'h3' }) {
  return (
    <ul class="product-grid">
      {cards.map((card, i) => (
        <ProductCard locale={locale} card={card} eager={i < eagerCount} heading={heading} />
      ))}
    </ul>
  );
}
