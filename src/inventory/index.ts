export { adjustOnHand, setOnHand, type StockActor } from './service.ts';
export { ensureLevel, levelsFor, MAIN_LOCATION, type Level } from './repo.ts';
