import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-config-'));

  it('has working defaults for a demo', () => {
    const c = loadConfig({ DATA_DIR: dir });
    assert.equal(c.port, 3000);
    assert.equal(c.currency, 'EUR');
    assert.equal(c.secureCookies, false);
    assert.ok(c.sessionSecret.length >= 32);
    assert.equal(loadConfig({ DATA_DIR: dir }).sessionSecret, c.sessionSecret, 'the generated secret is kept');
  });

  it('lists every bad setting in one readable error', () => {
    assert.throws(
      () => loadConfig({ DATA_DIR: dir, PORT: 'eighty', CURRENCY: 'euro', DEFAULT_LOCALE: 'de' }),
      (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message) && /CURRENCY: CURRENCY must be an ISO 4217 code/.test(e.message) && /DEFAULT_LOCALE/.test(e.message),
    );
  });

  it('requires a session secret in production', () => {
    assert.throws(() => loadConfig({ DATA_DIR: dir, NODE_ENV: 'production' }), /SESSION_SECRET: required in production/);
  });

  it('uses secure cookies behind https', () => {
    assert.equal(loadConfig({ DATA_DIR: dir, PUBLIC_URL: 'https://shop.example' }).secureCookies, true);
  });
});
