import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import type { Db, Executor } from '../db/connection.ts';
import type { DiscountCodesTable } from '../db/schema.ts';
import { nowIso } from '../lib/clock.ts';
import { AppError, invalid, notFound } from '../lib/errors.ts';
import { codeProblem, type CodeRule } from './rules.ts';

export const DiscountInputSchema = z
  .object({
    code: z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9_-]+$/, 'use letters, digits, - and _').transform((c) => c.toUpperCase()),
    kind: z.enum(['percentage', 'fixed', 'free_shipping']),
    value: z.number().int('whole basis points or cents').min(0).default(0).describe('basis points for a percentage (1000 = 10%), minor units for a fixed amount'),
    minSubtotal: z.number().int().min(0).default(0),
    startsAt: z.iso.datetime().nullable().default(null),
    endsAt: z.iso.datetime().nullable().default(null),
    usageLimit: z.number().int().positive().nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((d) => d.kind !== 'percentage' || (d.value > 0 && d.value <= 10_000), { message: 'a percentage is between 1 and 10000 basis points', path: ['value'] })
  .refine((d) => d.kind !== 'fixed' || d.value > 0, { message: 'a fixed discount needs an amount', path: ['value'] })
  .refine((d) => !d.startsAt || !d.endsAt || d.startsAt < d.endsAt, { message: 'the end must come after the start', path: ['endsAt'] })
  .meta({ id: 'DiscountInput' });
export type DiscountInput = z.output<typeof DiscountInputSchema>;

export type DiscountCode = { id: number; code: string } & CodeRule;

function toCode(r: Selectable<DiscountCodesTable>): DiscountCode {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    value: Number(r.value),
    minSubtotal: Number(r.min_subtotal_amount),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    usageLimit: r.usage_limit,
    usedCount: r.used_count,
    active: r.active === 1,
  };
}

export function createDiscountService(db: Db) {
  const row = (d: DiscountInput) => ({
    code: d.code,
    kind: d.kind,
    value: d.kind === 'free_shipping' ? 0 : d.value,
    min_subtotal_amount: d.minSubtotal,
    starts_at: d.startsAt,
    ends_at: d.endsAt,
    usage_limit: d.usageLimit,
    active: d.active ? 1 : 0,
  });
  return {
    async list(): Promise<DiscountCode[]> {
      return (await db.selectFrom('discount_codes').selectAll().orderBy('id', 'desc').execute()).map(toCode);
    },
    async get(id: number): Promise<DiscountCode | null> {
      const r = await db.selectFrom('discount_codes').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toCode(r) : null;
    },
    async create(d: DiscountInput): Promise<DiscountCode> {
      const clash = await db.selectFrom('discount_codes').select('id').where('code', '=', d.code).executeTakeFirst();
      if (clash) throw invalid([{ field: 'code', message: `the code ${d.code} already exists` }]);
      return toCode(await db.insertInto('discount_codes').values({ ...row(d), used_count: 0, created_at: nowIso() }).returningAll().executeTakeFirstOrThrow());
    },
    async update(id: number, d: DiscountInput): Promise<DiscountCode> {
      const clash = await db.selectFrom('discount_codes').select('id').where('code', '=', d.code).where('id', '!=', id).executeTakeFirst();
      if (clash) throw invalid([{ field: 'code', message: `the code ${d.code} already exists` }]);
      const r = await db.updateTable('discount_codes').set(row(d)).where('id', '=', id).returningAll().executeTakeFirst();
      if (!r) throw notFound(`Discount code ${id}`);
      return toCode(r);
    },
    /** The code if it applies to this subtotal now, or a field error saying why not. */
    async check(code: string, subtotal: number, locale: 'fr' | 'en', db2: Executor = db): Promise<DiscountCode> {
      const r = await db2.selectFrom('discount_codes').selectAll().where('code', '=', code.trim().toUpperCase()).executeTakeFirst();
      if (!r) throw invalid([{ field: 'discountCode', message: locale === 'fr' ? 'ce code n’existe pas' : 'this code does not exist' }]);
      const c = toCode(r);
      const problem = codeProblem(c, subtotal, nowIso(), locale);
      if (problem) throw invalid([{ field: 'discountCode', message: problem }]);
      return c;
    },
  };
}

/** Takes one use of a code with one conditional statement: under any concurrency, never past the limit. */
export async function consumeCode(db: Executor, id: number): Promise<void> {
  const r = await db
    .updateTable('discount_codes')
    .set({ used_count: sql`used_count + 1` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('usage_limit', 'is', null), eb('used_count', '<', eb.ref('usage_limit'))]))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', 'this discount code has just been used up', [{ field: 'discountCode', message: 'this code has been used up' }]);
  }
}

export type DiscountService = ReturnType<typeof createDiscountService>;
