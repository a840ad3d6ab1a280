import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import type { ShippingMethodsTable } from '../db/schema.ts';
import { invalid, notFound } from '../lib/errors.ts';
import { SHIPPING_COUNTRIES } from '../tax/rates.ts';
import { shippingPrice, type MethodRule } from './rules.ts';
import type { Selectable } from 'kysely';

export const ShippingMethodInputSchema = z
  .object({
    nameFr: z.string().trim().min(1).max(120),
    nameEn: z.string().trim().min(1).max(120),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'use ISO country codes such as FR')).min(1).refine((cs) => cs.every((c) => SHIPPING_COUNTRIES.includes(c)), 'we ship to EU countries only'),
    kind: z.enum(['flat', 'weight']),
    price: z.number().int().min(0).default(0),
    freeAbove: z.number().int().min(0).nullable().default(null),
    weightRates: z.array(z.object({ upToGrams: z.number().int().positive(), amount: z.number().int().min(0) }).strict()).max(20).default([]),
    position: z.number().int().min(0).default(0),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((m) => m.kind === 'flat' || m.weightRates.length > 0, { message: 'a weight-based method needs at least one weight rate', path: ['weightRates'] })
  .meta({ id: 'ShippingMethodInput' });
export type ShippingMethodInput = z.output<typeof ShippingMethodInputSchema>;

export type ShippingMethod = { id: number; nameFr: string; nameEn: string } & MethodRule & { position: number };
export type ShippingOption = { id: number; name: string; price: number };

function toMethod(r: Selectable<ShippingMethodsTable>): ShippingMethod {
  return {
    id: r.id,
    nameFr: r.name_fr,
    nameEn: r.name_en,
    countries: r.countries.split(',').filter(Boolean),
    kind: r.kind,
    price: Number(r.price_amount),
    freeAbove: r.free_above_amount === null ? null : Number(r.free_above_amount),
    weightRates: JSON.parse(r.weight_rates),
    active: r.active === 1,
    position: r.position,
  };
}

/** Methods change rarely and are read at every checkout: keep them a few seconds in memory. */
const CACHE_MS = 5_000;

export function createShippingService(db: Db) {
  let cache: { at: number; methods: ShippingMethod[] } | null = null;
  async function active(): Promise<ShippingMethod[]> {
    if (!cache || Date.now() - cache.at > CACHE_MS) {
      const rows = await db.selectFrom('shipping_methods').selectAll().where('active', '=', 1).orderBy('position').execute();
      cache = { at: Date.now(), methods: rows.map(toMethod) };
    }
    return cache.methods;
  }
  const row = (m: ShippingMethodInput) => ({
    name_fr: m.nameFr,
    name_en: m.nameEn,
    countries: m.countries.join(','),
    kind: m.kind,
    price_amount: m.price,
    free_above_amount: m.freeAbove,
    weight_rates: JSON.stringify(m.weightRates),
    position: m.position,
    active: m.active ? 1 : 0,
  });
  return {
    async list(): Promise<ShippingMethod[]> {
      const rows = await db.selectFrom('shipping_methods').selectAll().orderBy('position').orderBy('id').execute();
      return rows.map(toMethod);
    },
    async get(id: number): Promise<ShippingMethod | null> {
      const r = await db.selectFrom('shipping_methods').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toMethod(r) : null;
    },
    async create(m: ShippingMethodInput): Promise<ShippingMethod> {
      const r = await db.insertInto('shipping_methods').values(row(m)).returningAll().executeTakeFirstOrThrow();
      cache = null;
      return toMethod(r);
    },
    async update(id: number, m: ShippingMethodInput): Promise<ShippingMethod> {
      const r = await db.updateTable('shipping_methods').set(row(m)).where('id', '=', id).returningAll().executeTakeFirst();
      if (!r) throw notFound(`Shipping method ${id}`);
      cache = null;
      return toMethod(r);
    },
    /** The methods that serve this parcel, cheapest first. */
    async options(parcel: { country: string; weightGrams: number; subtotal: number }, locale: 'fr' | 'en'): Promise<ShippingOption[]> {
      return (await active())
        .flatMap((m) => {
          const price = shippingPrice(m, parcel);
          return price === null ? [] : [{ id: m.id, name: locale === 'en' ? m.nameEn : m.nameFr, price }];
        })
        .sort((a, b) => a.price - b.price);
    },
    /** Price of a chosen method for this parcel, or a field error naming what to change. */
    async quote(id: number | undefined, parcel: { country: string; weightGrams: number; subtotal: number }, locale: 'fr' | 'en'): Promise<ShippingOption> {
      const options = await this.options(parcel, locale);
      if (options.length === 0) throw invalid([{ field: 'shippingAddress.country', message: `we do not deliver to ${parcel.country} for this parcel` }]);
      if (id === undefined) return options[0]!;
      const chosen = options.find((o) => o.id === id);
      if (!chosen) throw invalid([{ field: 'shippingMethodId', message: `shipping method ${id} does not serve this address; choose one of ${options.map((o) => `${o.id} (${o.name})`).join(', ')}` }]);
      return chosen;
    },
  };
}

export type ShippingService = ReturnType<typeof createShippingService>;
