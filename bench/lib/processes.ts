import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type Running = { url: string; child: ChildProcess; stop: () => Promise<void> };

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

export async function startBaseline(file: string, contentType: string): Promise<Running> {
  const child = fork(`${ROOT}bench/lib/baseline-server.mjs`, [file, contentType], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: any) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`baseline exited ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child, stop: stopper(child) };
}

/** The real shop in its own process (`comptoir start`), so the load generator does not share its CPU time. */
let built = false;
/** Benchmarks measure the shop as it is deployed: compiled (npm run build), NODE_ENV=production. */
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}tsconfig.build.json`], { stdio: 'inherit' });
  built = true;
}

/** The V8 setting the README recommends for a small server: a smaller young generation, less resident memory. */
export const NODE_FLAGS = ['--max-semi-space-size=4'];

export async function startShop(env: Record<string, string>, port: number): Promise<Running> {
  buildOnce();
  const child = spawn(process.execPath, [...NODE_FLAGS, `${ROOT}bin/comptoir.mjs`, 'start'], {
    env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`shop exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('shop did not start in 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, child, stop: stopper(child) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}
