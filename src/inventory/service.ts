import type { Executor } from '../db/connection.ts';
import { AppError, invalid } from '../lib/errors.ts';
import { ensureLevel, levelAt, MAIN_LOCATION, moveOnHand, recordMovement } from './repo.ts';

export type StockActor = { reason: string; reference?: string | null; staffId?: number | null };

/** Adds (or removes, with a negative delta) on-hand units and writes the ledger line in the same transaction. */
export async function adjustOnHand(trx: Executor, variantId: number, delta: number, actor: StockActor, locationId = MAIN_LOCATION): Promise<void> {
  if (!Number.isSafeInteger(delta)) throw new RangeError('delta must be an integer');
  if (delta === 0) return;
  await ensureLevel(trx, variantId, locationId);
  if (!(await moveOnHand(trx, variantId, locationId, delta))) {
    const level = await levelAt(trx, variantId, locationId);
    throw invalid([
      { field: 'onHand', message: `cannot remove ${-delta} units: ${level?.onHand ?? 0} on hand, ${level?.reserved ?? 0} reserved for orders` },
    ]);
  }
  await recordMovement(trx, { variantId, locationId, onHandDelta: delta, reservedDelta: 0, ...actor });
}

/** Sets on-hand to a count (a stocktake): expressed as a compare-and-set adjustment, never a blind overwrite. */
export async function setOnHand(trx: Executor, variantId: number, onHand: number, actor: StockActor, locationId = MAIN_LOCATION): Promise<void> {
  await ensureLevel(trx, variantId, locationId);
  const level = await levelAt(trx, variantId, locationId);
  if (!level) throw new AppError('CONFLICT', 'stock level vanished during the update; try again');
  if (onHand < level.reserved) {
    throw invalid([{ field: 'onHand', message: `cannot set stock to ${onHand}: ${level.reserved} units are reserved for orders` }]);
  }
  await adjustOnHand(trx, variantId, onHand - level.onHand, actor, locationId);
}
