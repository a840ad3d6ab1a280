import type { DemoProduct } from './types.ts';
import { single, variants } from './variants.ts';

export const GIFTS: DemoProduct[] = [
  {
    sku: 'CAD-CART',
    kind: 'giftcard',
    colour: '#9aab8f',
    collections: ['cadeaux'],
    vendor: 'Comptoir',
    // A multi-purpose voucher: VAT is due when it is spent, not when it is sold.
    tax: 'zero',
    fr: {
      title: 'Carte cadeau',
      description: 'La carte cadeau, envoyée par e-mail avec un code à utiliser sur toute la boutique. Valable un an, en une ou plusieurs fois.',
      seo: 'Carte cadeau envoyée par e-mail, valable un an sur toute la boutique. 25 €, 50 € ou 100 €.',
    },
    en: {
      title: 'Gift card',
      description: 'The gift card, sent by e-mail with a code to spend across the whole shop. Valid for one year, in one or several orders.',
      seo: 'Gift card sent by e-mail, valid for one year across the whole shop. €25, €50 or €100.',
    },
    options: ['Montant'],
    // Digital: no stock to count, nothing to weigh, no barcode to scan.
    variants: variants([[{ value: '25 €', price: 2500 }, { value: '50 €', price: 5000 }, { value: '100 €', price: 10000 }]], { price: 2500, grams: 0 }, null).map((v) => ({ ...v, noBarcode: true })),
  },
  {
    sku: 'CAD-CPDJ',
    kind: 'giftbox',
    colour: '#d19a2a',
    collections: ['cadeaux'],
    vendor: 'Comptoir',
    fr: {
      title: 'Coffret Petit-déjeuner',
      description: 'Un coffret prêt à offrir avec une tasse en grès, un pot de miel de lavande et une confiture de figues. Emballé dans du papier de soie, avec une carte à écrire.',
      seo: 'Coffret cadeau petit-déjeuner : tasse en grès, miel de lavande et confiture de figues.',
    },
    en: {
      title: 'Breakfast gift box',
      description: 'A ready-to-give box with a stoneware mug, a jar of lavender honey and a fig jam. Wrapped in tissue paper, with a card to write on.',
      seo: 'Breakfast gift box: stoneware mug, lavender honey and fig jam.',
    },
    options: [],
    variants: single({ price: 4900, compareAt: 5400, grams: 1300 }, 6),
    twoImages: true,
  },
  {
    sku: 'CAD-CBOU',
    kind: 'giftbox',
    colour: '#6e2233',
    collections: ['cadeaux', 'maison'],
    vendor: 'Comptoir',
    status: 'draft',
    fr: {
      title: 'Coffret Soirée d’hiver',
      description: 'Une bougie Feu de bois, une boîte d’allumettes longues et une paire de chaussettes en laine, dans une boîte en carton kraft. Disponible pour les fêtes.',
      seo: 'Coffret cadeau soirée d’hiver : bougie feu de bois, allumettes longues et chaussettes en laine.',
    },
    en: {
      title: 'Winter evening gift box',
      description: 'A Wood fire candle, a box of long matches and a pair of wool socks, in a kraft cardboard box. Available for the holidays.',
      seo: 'Winter evening gift box: wood fire candle, long matches and wool socks.',
    },
    options: [],
    variants: single({ price: 5900, grams: 900 }, 0),
  },
];
