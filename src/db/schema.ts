import type { ColumnType, Generated } from 'kysely';

// Row types of every table, named for the capability that owns (and alone writes) the table.
type Id = Generated<number>;

// catalog
export interface ProductsTable {
  id: Id;
  handle: string;
  status: 'draft' | 'active' | 'archived';
  vendor: string | null;
  tax_category: 'standard' | 'reduced' | 'super_reduced' | 'zero';
  /** Denormalised from the variants in the same transaction, so lists sort and filter by price in SQL. */
  min_price_amount: number;
  max_price_amount: number;
  currency: string;
  created_at: string;
  updated_at: string;
}
export interface ProductTranslationsTable {
  product_id: number;
  locale: string;
  title: string;
  description: string;
  seo_title: string | null;
  seo_description: string | null;
}
export interface ProductOptionsTable {
  id: Id;
  product_id: number;
  position: number;
  name: string;
}
export interface VariantsTable {
  id: Id;
  product_id: number;
  position: number;
  sku: string;
  barcode: string | null;
  option1: string | null;
  option2: string | null;
  option3: string | null;
  price_amount: number;
  compare_at_amount: number | null;
  currency: string;
  weight_grams: number;
  track_inventory: ColumnType<number, number | undefined, number>;
  allow_backorder: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}
export interface ProductImagesTable {
  id: Id;
  product_id: number;
  position: number;
  storage_key: string;
  width: number;
  height: number;
  alt: string;
  created_at: string;
}
export interface CollectionsTable {
  id: Id;
  handle: string;
  position: number;
  created_at: string;
  updated_at: string;
}
export interface CollectionTranslationsTable {
  collection_id: number;
  locale: string;
  title: string;
  description: string;
  seo_title: string | null;
  seo_description: string | null;
}
export interface CollectionProductsTable {
  collection_id: number;
  product_id: number;
  position: number;
}

// inventory
export interface LocationsTable {
  id: Id;
  code: string;
  name: string;
}
export interface StockLevelsTable {
  variant_id: number;
  location_id: number;
  on_hand: number;
  reserved: number;
  updated_at: string;
}
export interface StockMovementsTable {
  id: Id;
  variant_id: number;
  location_id: number;
  on_hand_delta: number;
  reserved_delta: number;
  reason: string;
  reference: string | null;
  staff_id: number | null;
  created_at: string;
}

// staff
export interface StaffTable {
  id: Id;
  email: string;
  name: string;
  password_hash: string;
  role: 'owner' | 'packer' | 'support';
  created_at: string;
  disabled_at: string | null;
}
export interface StaffSessionsTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id_hash: string;
  staff_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}
export interface ApiKeysTable {
  id: Id;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
export interface AuditLogTable {
  id: Id;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  detail: string | null;
  created_at: string;
}

export interface Database {
  products: ProductsTable;
  product_translations: ProductTranslationsTable;
  product_options: ProductOptionsTable;
  variants: VariantsTable;
  product_images: ProductImagesTable;
  collections: CollectionsTable;
  collection_translations: CollectionTranslationsTable;
  collection_products: CollectionProductsTable;
  locations: LocationsTable;
  stock_levels: StockLevelsTable;
  stock_movements: StockMovementsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
}
