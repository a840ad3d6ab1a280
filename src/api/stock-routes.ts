import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { audit } from '../audit/index.ts';
import type { Executor } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { adjustOnHand, levelsFor, setOnHand } from '../inventory/index.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { API_KEY_SECURITY, apiActor } from './auth.ts';
import { errors, json } from './responses.ts';
import { IdParamsSchema, StockSchema } from './schemas.ts';

const tags = ['Stock'];
const security = API_KEY_SECURITY;

const positiveInt = (what: string) => z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(1, `${what} must be 1 or more`);

export const StockChangeSchema = z
  .object({
    onHand: z.number({ error: 'onHand must be a number' }).int('onHand must be a whole number').min(0, 'onHand cannot be negative').max(1_000_000_000).optional().describe('Set the count (a stocktake)'),
    delta: z
      .number({ error: 'delta must be a number' })
      .int('delta must be a whole number')
      .min(-1_000_000_000)
      .max(1_000_000_000)
      .refine((d) => d !== 0, 'delta cannot be 0')
      .optional()
      .describe('Add (or, negative, remove) units: a delivery, breakage'),
    reason: z.string({ error: 'reason is required' }).trim().min(1, 'say why the stock changes').max(200).describe('Why: kept in the stock ledger'),
  })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.onHand === undefined) === (b.delta === undefined)) {
      ctx.addIssue({ code: 'custom', path: [b.onHand === undefined ? 'onHand' : 'delta'], message: 'give either onHand (a count) or delta (a change), not both' });
    }
  })
  .meta({ id: 'StockChange', description: 'Either { onHand } or { delta }, with a reason' });

const MovementsQuerySchema = z
  .object({ page: positiveInt('page').default(1), perPage: positiveInt('perPage').max(200, 'perPage must be 200 or less').default(50) })
  .strict();

const StockMovementSchema = z
  .object({
    id: z.number().int(),
    onHandDelta: z.number().int(),
    reservedDelta: z.number().int(),
    reason: z.string().describe('reserve, sale, release, restock, initial, stocktake, adjustment, ...'),
    reference: z.string().nullable().describe('order:<id>, product:<id>, or the note given with a manual change'),
    staffId: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'StockMovement' });

const StockMovementListSchema = z
  .object({ items: z.array(StockMovementSchema), page: z.number().int(), perPage: z.number().int(), total: z.number().int(), pages: z.number().int() })
  .meta({ id: 'StockMovementList', description: 'Ledger lines, newest first' });

async function stockOf(db: Executor, variantId: number) {
  const level = (await levelsFor(db, [variantId])).get(variantId);
  if (!level) throw notFound(`Variant ${variantId}`);
  return { onHand: level.onHand, reserved: level.reserved, available: level.onHand - level.reserved };
}

/** Read-only ledger page; the inventory capability owns the table and has no listing of its own yet. */
async function movementsOf(db: Executor, variantId: number, page: number, perPage: number) {
  const base = db.selectFrom('stock_movements').where('variant_id', '=', variantId);
  const [count, rows] = await Promise.all([
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    base.selectAll().orderBy('id', 'desc').limit(perPage).offset((page - 1) * perPage).execute(),
  ]);
  const total = Number(count.n);
  return {
    items: rows.map((r) => ({ id: r.id, onHandDelta: r.on_hand_delta, reservedDelta: r.reserved_delta, reason: r.reason, reference: r.reference, staffId: r.staff_id, createdAt: r.created_at })),
    page,
    perPage,
    total,
    pages: Math.max(1, Math.ceil(total / perPage)),
  };
}

/** Stock of one variant under /api/admin: set or adjust through the inventory ledger, and read the ledger. */
export function registerStockRoutes(server: FastifyInstance, services: Services): void {
  const api = server.withTypeProvider<ZodTypeProvider>();
  const { db } = services.conn;

  api.post('/variants/:id/stock', {
    schema: {
      tags,
      security,
      summary: 'Set or adjust the stock of a variant',
      description:
        '`{ onHand, reason }` sets the count (a stocktake); `{ delta, reason }` adds or removes units. Either way a ledger line records the change, ' +
        'and stock can never go below what is reserved for orders (400 naming the field). Needs the catalog:write scope.',
      params: IdParamsSchema,
      body: StockChangeSchema,
      response: { 200: json('The stock after the change', StockSchema), ...errors(400, 404) },
    },
  }, async (req) => {
    const variantId = req.params.id;
    const { onHand, delta, reason } = req.body;
    const actor = apiActor(req);
    const stock = await transaction(db, async (trx) => {
      const before = await stockOf(trx, variantId);
      // The ledger's reason is a short category; the note given goes in its reference.
      const change = { reason: onHand !== undefined ? 'stocktake' : 'adjustment', reference: reason, staffId: actor.staffId ?? null };
      try {
        if (onHand !== undefined) await setOnHand(trx, variantId, onHand, change);
        else await adjustOnHand(trx, variantId, delta!, change);
      } catch (e) {
        // The inventory names onHand; a refused delta is the delta's fault.
        if (e instanceof AppError && delta !== undefined) throw new AppError(e.code, e.message.replace(/^onHand:/, 'delta:'), e.fields.map((f) => ({ ...f, field: 'delta' })));
        throw e;
      }
      const after = await stockOf(trx, variantId);
      await audit(trx, actor, 'stock.change', 'variant', variantId, { before: before.onHand, after: after.onHand, reason });
      return after;
    });
    // After commit: pages showing this variant's stock are checked again.
    services.events.stock.forEach((f) => f([variantId]));
    return stock;
  });

  api.get('/variants/:id/stock/movements', {
    schema: {
      tags,
      security,
      summary: 'List the stock ledger of a variant',
      description: 'Every movement of the variant’s stock, newest first: the counters always equal the sum of these lines. Needs the catalog:read scope.',
      params: IdParamsSchema,
      querystring: MovementsQuerySchema,
      response: { 200: json('A page of ledger lines', StockMovementListSchema), ...errors(400, 404) },
    },
  }, async (req) => {
    await stockOf(db, req.params.id);
    return movementsOf(db, req.params.id, req.query.page, req.query.perPage);
  });

  api.get('/variants/:id/stock', {
    schema: {
      tags,
      security,
      summary: 'Get the stock of a variant',
      params: IdParamsSchema,
      response: { 200: json('The stock', StockSchema), ...errors(400, 404) },
    },
  }, async (req) => stockOf(db, req.params.id));
}
