import { parseArgs } from 'node:util';
import { buildServices, type Services } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { connect } from './db/connection.ts';
import { AppError } from './lib/errors.ts';
import { startServer } from './server.ts';
import { randomToken } from './staff/index.ts';

const HELP = `comptoir — a self-hosted shop

Usage: comptoir <command> [options]

  start                      serve the shop (migrates the database first)
  demo                       seed the demo catalog if the shop is empty, reset the demo
                             admin's password, and serve the shop
  migrate                    apply database migrations
  seed --demo                add the demo catalog (40+ products, 6 collections, images)
  admin create --email E [--name N] [--password P] [--role owner|packer|support]
                             create a staff account (a password is generated if omitted)
  admin password --email E [--password P]
                             set a new password for a staff account
  api-key create --name N --scope admin [--scope ...]
                             create an API key for the JSON API (shown once)
  rush [--url U] [--shoppers N] [--ramp S] [--seconds S] [--max-journeys N]
                             replay a newsletter rush against a running shop (this one by
                             default): browse, add to cart, check out; prints a report

Configuration comes from environment variables: see the README.`;

async function withServices<T>(config: Config, fn: (s: Services) => Promise<T>): Promise<T> {
  const services = await buildServices(config);
  try {
    return await fn(services);
  } finally {
    await services.conn.close();
  }
}

export const DEMO_ADMIN_EMAIL = 'admin@demo.comptoir.test';

async function ensureDemoAdmin(s: Services): Promise<string> {
  const password = randomToken(12);
  if (!(await s.staff.setPassword(DEMO_ADMIN_EMAIL, password))) {
    await s.staff.create({ email: DEMO_ADMIN_EMAIL, name: 'Demo owner', password, role: 'owner' });
  }
  return password;
}

async function seedIfEmpty(s: Services): Promise<boolean> {
  const row = await s.conn.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  if (Number(row?.n ?? 0) > 0) return false;
  const { seedDemo } = await import('./demo/seed.ts');
  await seedDemo(s, (line) => console.log(line));
  return true;
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start':
      await startServer(config, (url) => console.log(`Comptoir is serving ${config.shopName} at ${url}`));
      return -1;
    case 'demo': {
      let password = '';
      await withServices(config, async (s) => {
        await seedIfEmpty(s);
        password = await ensureDemoAdmin(s);
      });
      // The shop's own address (PUBLIC_URL), which its links and cookies use, rather than the socket's.
      await startServer(config, () => {
        const url = config.publicUrl;
        console.log(`\n  Comptoir demo shop:  ${url}/`);
        console.log(`  Admin:               ${url}/admin`);
        console.log(`  Login:               ${DEMO_ADMIN_EMAIL}`);
        console.log(`  Password:            ${password}   (new at every demo start)\n`);
      });
      return -1;
    }
    case 'migrate': {
      const conn = connect(config.databaseUrl);
      const done = await migrateToLatest(conn);
      await conn.close();
      console.log(done.length ? `applied: ${done.join(', ')}` : 'the database is up to date');
      return 0;
    }
    case 'seed': {
      const { values } = parseArgs({ args: [sub ?? '', ...rest].filter(Boolean), options: { demo: { type: 'boolean' } } });
      if (!values.demo) throw new UsageError('seed needs --demo');
      await withServices(config, async (s) => {
        if (!(await seedIfEmpty(s))) console.log('the shop already has products: demo catalog not added');
      });
      return 0;
    }
    case 'admin': {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } },
      });
      if (!values.email) throw new UsageError(`admin ${sub ?? ''} needs --email`);
      const password = values.password ?? randomToken(12);
      if (sub === 'create') {
        const m = await withServices(config, (s) =>
          s.staff.create({ email: values.email!, name: values.name ?? values.email!.split('@')[0]!, password, role: (values.role ?? 'owner') as 'owner' }),
        );
        console.log(`created ${m.role} ${m.email}`);
      } else if (sub === 'password') {
        const ok = await withServices(config, (s) => s.staff.setPassword(values.email!, password));
        if (!ok) throw new UsageError(`no staff account for ${values.email}`);
        console.log(`password changed for ${values.email}`);
      } else throw new UsageError('use: admin create | admin password');
      if (!values.password) console.log(`password: ${password}`);
      return 0;
    }
    case 'api-key': {
      if (sub !== 'create') throw new UsageError('use: api-key create --name N --scope admin');
      const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, scope: { type: 'string', multiple: true } } });
      const { key, info } = await withServices(config, (s) => s.apiKeys.create(values.name ?? 'cli', values.scope ?? []));
      console.log(`API key "${info.name}" (scopes: ${info.scopes.join(' ')}). It is shown only now:\n${key}`);
      return 0;
    }
    case 'rush': {
      const { rushCommand } = await import('./rush/command.ts');
      return rushCommand([sub, ...rest].filter((a): a is string => a !== undefined), config);
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    if (err instanceof ConfigError || err instanceof UsageError) console.error(`${err.message}${err instanceof UsageError ? '\n\n' + HELP : ''}`);
    else if (err instanceof AppError) console.error(`error: ${err.message}`);
    else console.error(err);
    process.exit(err instanceof UsageError ? 64 : 1);
  },
);
