export { enqueue } from './enqueue.ts';
export { createOutboxWorker, backoffMs, MAX_ATTEMPTS, type Handler, type OutboxWorker } from './worker.ts';
