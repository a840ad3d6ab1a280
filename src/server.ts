import { buildApp, type App } from './app.ts';
import type { Config } from './config.ts';

/** Starts listening and stops cleanly on SIGTERM/SIGINT: in-flight requests finish, the database closes. */
export async function startServer(config: Config, onListening?: (url: string, app: App) => void | Promise<void>): Promise<App> {
  const app = await buildApp(config);
  await app.server.listen({ host: config.host, port: config.port });
  const addr = app.server.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.server.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  await onListening?.(`http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`, app);
  return app;
}
