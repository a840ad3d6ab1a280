import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestShop } from '../helpers/shop.ts';

// better-sqlite3 is synchronous: inside one process each checkout runs to its end before the next
// request is even read, so nothing overlaps. Race tests therefore also send requests to other server
// processes on the same database file, where transactions really contend, as behind a load balancer.

const APP = fileURLToPath(new URL('../../src/app.ts', import.meta.url));
const CONFIG = fileURLToPath(new URL('../../src/config.ts', import.meta.url));

export type ServerProcess = { url: string; stop: () => Promise<void> };

/** Another server process on the test shop's database, without a worker. */
/**
 * Race tests check stock and discount integrity, not admission: the checkout queue and load shedding
 * (which answer 503 when three processes contend for SQLite's write lock) are switched off for them.
 */
export const RACE_ENV = { QUEUE_MODE: 'off', ADMISSION_MAX_EVENT_LOOP_DELAY_MS: '60000' } as const;

export function startServerProcess(shop: TestShop): Promise<ServerProcess> {
  const code = `
    const { loadConfig } = await import(${JSON.stringify(CONFIG)});
    const { buildApp } = await import(${JSON.stringify(APP)});
    const app = await buildApp(loadConfig(process.env));
    await app.server.listen({ host: '127.0.0.1', port: 0 });
    console.log(JSON.stringify({ port: app.server.server.address().port }));
    process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
  `;
  const env = { ...process.env, NODE_ENV: 'test', DATA_DIR: shop.dir, DATABASE_URL: shop.config.databaseUrl, PORT: '0', LOG_LEVEL: 'silent', WORKER: '0', ...RACE_ENV };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', code], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    child.once('exit', (c) => reject(new Error(`the server process exited with ${c} before listening`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({
        url: `http://127.0.0.1:${JSON.parse(line).port}`,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      }),
    );
  });
}
