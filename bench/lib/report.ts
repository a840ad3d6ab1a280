import type { LoadResult } from './load.ts';

export function row(name: string, r: LoadResult, baseline?: LoadResult): string {
  const ratio = baseline ? ` ${((r.rps / baseline.rps) * 100).toFixed(1).padStart(6)}% of baseline` : '';
  return `  ${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}${ratio}`;
}

export function verdict(ok: boolean, text: string): string {
  return `  ${ok ? 'PASS' : 'MISS'}  ${text}`;
}
