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

// buying path
export interface SequencesTable {
  name: string;
  value: number;
}
export interface CartsTable {
  id: string;
  currency: string;
  locale: string;
  status: 'open' | 'completed';
  order_id: number | null;
  created_at: string;
  updated_at: string;
}
export interface CartLinesTable {
  id: Id;
  cart_id: string;
  variant_id: number;
  quantity: number;
  created_at: string;
}
export interface ShippingMethodsTable {
  id: Id;
  name_fr: string;
  name_en: string;
  /** ISO 3166 alpha-2 codes, comma-separated. */
  countries: string;
  kind: 'flat' | 'weight';
  price_amount: number;
  free_above_amount: number | null;
  /** JSON: [{ upToGrams, amount }] ascending, for kind 'weight'. */
  weight_rates: string;
  position: number;
  active: number;
}
export interface DiscountCodesTable {
  id: Id;
  code: string;
  kind: 'percentage' | 'fixed' | 'free_shipping';
  /** Basis points for a percentage, minor units for a fixed amount. */
  value: number;
  min_subtotal_amount: number;
  starts_at: string | null;
  ends_at: string | null;
  usage_limit: number | null;
  used_count: number;
  active: number;
  created_at: string;
}
export interface OrdersTable {
  id: Id;
  number: number;
  token: string;
  cart_id: string | null;
  idempotency_key: string | null;
  status: 'pending_payment' | 'paid' | 'partially_fulfilled' | 'fulfilled' | 'cancelled' | 'refunded';
  email: string;
  locale: string;
  currency: string;
  subtotal_amount: number;
  discount_amount: number;
  shipping_amount: number;
  tax_amount: number;
  total_amount: number;
  shipping_address: string;
  shipping_method_id: number | null;
  shipping_method_name: string;
  discount_code: string | null;
  tax_lines: string;
  payment_provider: string;
  payment_reference: string | null;
  reservation_expires_at: string | null;
  placed_at: string;
  paid_at: string | null;
  updated_at: string;
  customer_id: ColumnType<number | null, number | null | undefined, number | null>;
}
export interface OrderLinesTable {
  id: Id;
  order_id: number;
  variant_id: number | null;
  product_id: number | null;
  sku: string;
  title: string;
  variant_title: string;
  unit_price_amount: number;
  quantity: number;
  vat_rate_bp: number;
  discount_amount: number;
  total_amount: number;
  tracked: number;
}
export interface OrderEventsTable {
  id: Id;
  order_id: number;
  from_status: string | null;
  to_status: string;
  note: string | null;
  actor: string;
  created_at: string;
}
export interface PaymentsTable {
  id: Id;
  order_id: number;
  provider: string;
  status: 'pending' | 'paid' | 'declined' | 'cancelled' | 'refunded';
  amount: number;
  currency: string;
  reference: string | null;
  detail: string | null;
  created_at: string;
}
export interface OutboxTable {
  id: Id;
  topic: string;
  dedupe_key: string;
  payload: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
export interface MailboxTable {
  id: Id;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  created_at: string;
}

export interface CustomersTable {
  id: Id;
  email: string;
  name: string;
  password_hash: string;
  locale: string;
  created_at: string;
}
export interface CustomerSessionsTable {
  id_hash: string;
  customer_id: number;
  created_at: string;
  expires_at: string;
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
  sequences: SequencesTable;
  carts: CartsTable;
  cart_lines: CartLinesTable;
  shipping_methods: ShippingMethodsTable;
  discount_codes: DiscountCodesTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_events: OrderEventsTable;
  payments: PaymentsTable;
  outbox: OutboxTable;
  mailbox: MailboxTable;
  customers: CustomersTable;
  customer_sessions: CustomerSessionsTable;
}
