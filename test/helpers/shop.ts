import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App, type BuildOptions, type Services } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { ProductInput } from '../../src/catalog/index.ts';
import { ProductInputSchema } from '../../src/catalog/index.ts';
import type { z } from 'zod';

export type TestShop = { url: string; app: App; services: Services; config: Config; dir: string; close: () => Promise<void> };

/** A real shop on a real SQLite file in a fresh folder, listening on a free loopback port. */
export async function startTestShop(env: Record<string, string> = {}, opts: BuildOptions = {}): Promise<TestShop> {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    DATABASE_URL: join(dir, 'shop.db'),
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await buildApp(config, opts);
  await app.server.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const url = `http://127.0.0.1:${port}`;
  app.services.config.publicUrl = url;
  return {
    url,
    app,
    services: app.services,
    config,
    dir,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let seq = 0;
/** A valid product input; override any part. SKUs and handles are unique per call. */
export function productInput(over: Partial<z.input<typeof ProductInputSchema>> = {}): ProductInput {
  const n = ++seq;
  return ProductInputSchema.parse({
    status: 'active',
    translations: { fr: { title: `Tasse en grès ${n}`, description: 'Une tasse.' }, en: { title: `Stoneware mug ${n}`, description: 'A mug.' } },
    options: ['Couleur'],
    variants: [
      { sku: `MUG-${n}-BLU`, options: ['Bleu'], price: { amount: 1800, currency: 'EUR' }, onHand: 5 },
      { sku: `MUG-${n}-RED`, options: ['Rouge'], price: { amount: 2000, currency: 'EUR' }, onHand: 0 },
    ],
    ...over,
  });
}

export const TEST_ACTOR = { label: 'test' };
