export { adjustOnHand, setOnHand, type StockActor } from './service.ts';
export { ensureLevel, levelsFor, MAIN_LOCATION, type Level } from './repo.ts';
export { commitSale, release, reserve, restock, type Demand, type Held, type Shortage } from './reservations.ts';
