import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchCheckout } from './checkout.bench.ts';
import { benchPages } from './pages.bench.ts';
import { benchRush } from './rush.bench.ts';

// `npm run bench` runs every suite; `npm run bench -- pages` runs the ones named.
const SUITES: Record<string, (dir: string) => Promise<void>> = {
  pages: benchPages,
  checkout: benchCheckout,
  rush: benchRush,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const workDir = fileURLToPath(new URL('../.tmp/bench/', import.meta.url));
mkdirSync(workDir, { recursive: true });
console.log(`Comptoir benchmarks — node ${process.version}, ${new Date().toISOString()}`);
for (const [name, run] of Object.entries(SUITES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await run(workDir);
}
process.exit(0);
