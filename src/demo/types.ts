// The demo catalog is plain typed data; seed.ts turns it into service calls.

export type CollectionKey = 'vetements' | 'accessoires' | 'maison' | 'cuisine' | 'papeterie' | 'cadeaux';

/** The illustration drawn for a product (see shapes.ts). */
export type ShapeKind =
  | 'tshirt' | 'shirt' | 'stripe-shirt' | 'sweater' | 'dress' | 'jacket' | 'apron' | 'socks' | 'pyjama'
  | 'tote' | 'bag' | 'scarf' | 'foulard' | 'beanie' | 'beret' | 'cap' | 'earrings' | 'wallet'
  | 'candle' | 'vase' | 'cushion' | 'throw' | 'diffuser' | 'basket' | 'soap' | 'poster' | 'mirror'
  | 'mug' | 'bowl' | 'plate' | 'towel' | 'board' | 'teapot' | 'jar' | 'tin' | 'bottle' | 'glass'
  | 'notebook' | 'pencils' | 'cards' | 'pen' | 'book' | 'wrap'
  | 'giftcard' | 'giftbox';

export type DemoText = { title: string; description: string; seo: string };

export type DemoCollection = {
  key: CollectionKey;
  fr: DemoText;
  en: DemoText;
};

export type DemoVariant = {
  /** One value per product option, in order. */
  options: string[];
  /** Appended to the product's SKU prefix; empty for a product without options. */
  code: string;
  /** Integer cents, VAT included. */
  price: number;
  compareAt?: number;
  grams: number;
  /** Units on hand; null means stock is not tracked (a digital gift card). */
  stock: number | null;
  backorder?: boolean;
  /** Digital goods carry no barcode. */
  noBarcode?: boolean;
};

export type DemoProduct = {
  /** SKU prefix, such as "VET-MARI". */
  sku: string;
  kind: ShapeKind;
  /** Main colour of the illustration when no variant names a known colour. */
  colour: string;
  /** The first is the product's home collection. */
  collections: CollectionKey[];
  vendor: string;
  tax?: 'standard' | 'reduced' | 'super_reduced' | 'zero';
  status?: 'active' | 'draft';
  fr: DemoText;
  en: DemoText;
  options: string[];
  variants: DemoVariant[];
  /** Adds a second picture: another colour when there is one, else a close-up. */
  twoImages?: boolean;
};
