export { createMetrics, QUEUE_LENGTH, QUEUE_WAIT_SECONDS, type LiveFigures, type Metrics, type PageCacheStats } from './shop-metrics.ts';
export type { CounterHandle, HistogramHandle, LabelledValue, Labels } from './registry.ts';
export type { BestSeller } from './shop-queries.ts';
export { registerMetrics } from './routes.ts';
