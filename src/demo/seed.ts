import type { Services } from '../app.ts';
export async function seedDemo(_s: Services, log: (line: string) => void): Promise<void> {
  log('demo seed not written yet');
}
