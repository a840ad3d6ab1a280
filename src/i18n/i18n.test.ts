import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { detectLocale, parseAcceptLanguage, t, tp } from './index.ts';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has the same parameters in French and English for every key', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      assert.deepEqual(params(fr[key]), params(en[key]), key);
      assert.ok(fr[key].trim().length > 0, `${key} is empty in French`);
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    assert.equal(t('en', 'home.heroTitle', { shop: 'Atelier' }), 'Welcome to Atelier');
    assert.equal(t('fr', 'home.heroTitle', { shop: 'Atelier' }), 'Bienvenue chez Atelier');
    assert.equal(t('en', 'home.heroTitle'), 'Welcome to {shop}');
  });

  it('chooses plural forms by each language rules', () => {
    assert.equal(tp('en', 'collection.count', 1), '1 product');
    assert.equal(tp('en', 'collection.count', 0), '0 products');
    assert.equal(tp('fr', 'collection.count', 0), '0\u00a0produit');
    assert.equal(tp('fr', 'collection.count', 2), '2\u00a0produits');
  });

  const cases: [string, Parameters<typeof detectLocale>[0], 'fr' | 'en'][] = [
    ['a valid cookie wins over the header', { cookie: 'en', acceptLanguage: 'fr-FR,fr;q=0.9', fallback: 'fr', supported: ['fr', 'en'] }, 'en'],
    ['an unknown cookie is ignored', { cookie: 'de', acceptLanguage: 'en-GB', fallback: 'fr', supported: ['fr', 'en'] }, 'en'],
    ['q-values order the ranges', { acceptLanguage: 'fr;q=0.4, en;q=0.8', fallback: 'fr', supported: ['fr', 'en'] }, 'en'],
    ['unsupported languages are skipped', { acceptLanguage: 'de-DE, de;q=0.9, fr;q=0.5', fallback: 'en', supported: ['fr', 'en'] }, 'fr'],
    ['q=0 excludes a language', { acceptLanguage: 'en;q=0, fr;q=0.1', fallback: 'en', supported: ['fr', 'en'] }, 'fr'],
    ['nothing usable gives the default', { acceptLanguage: 'de, it', fallback: 'fr', supported: ['fr', 'en'] }, 'fr'],
    ['a malformed header gives the default', { acceptLanguage: ';;;q=abc,,', fallback: 'en', supported: ['fr', 'en'] }, 'en'],
    ['no header gives the default', { fallback: 'fr', supported: ['fr', 'en'] }, 'fr'],
  ];
  for (const [name, input, want] of cases) {
    it(`detects the locale: ${name}`, () => assert.equal(detectLocale(input), want));
  }

  it('keeps the browser order among equal weights', () => {
    assert.deepEqual(parseAcceptLanguage('en-US,en;q=0.9,fr;q=0.9,*;q=0.1'), ['en-us', 'en', 'fr', '*']);
  });
});
