import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { safeNext } from './auth.ts';
import { AdminClient, createStaff, inputValue, loggedIn, PASSWORD } from './test-client.ts';

describe('admin login and sessions', () => {
  let shop: TestShop;
  before(async () => {
    // These tests log in many times from one address; the limit itself is tested below.
    shop = await startTestShop({ LOGIN_RATE_LIMIT: '1000' });
  });
  after(() => shop.close());

  it('shows a login form with a double-submit token in a strict, short-lived cookie', async () => {
    const c = new AdminClient(shop.url);
    const res = await c.get('/admin/login');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    assert.match(html, /<form id="login-form"/);
    assert.match(html, /name="email"/);
    assert.match(html, /name="password"/);
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('comptoir_login_csrf='))!;
    assert.ok(cookie, 'login csrf cookie set');
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    assert.match(cookie, /Path=\/admin/);
    assert.match(cookie, /Max-Age=\d+/);
    assert.equal(inputValue(html, '_csrf'), c.cookies.get('comptoir_login_csrf'));
  });

  it('logs in with the right password and sets an HttpOnly, Lax session cookie under /admin', async () => {
    const staff = await createStaff(shop.services);
    const c = new AdminClient(shop.url);
    const res = await c.login(staff.email.toUpperCase());
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/admin');
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('comptoir_admin='))!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Path=\/admin/);
    assert.doesNotMatch(cookie, /Secure/i, 'no Secure flag on a plain-http test shop');
    assert.equal(c.cookies.has('comptoir_login_csrf'), false, 'the login token is cleared');
    const dash = await c.get('/admin');
    assert.equal(dash.status, 200);
    const html = await dash.text();
    assert.match(html, new RegExp(staff.email));
    assert.match(html, /Orders/);
    assert.match(html, /coming soon/);
  });

  it('refuses a wrong password with the form again, a generic message and 401', async () => {
    const staff = await createStaff(shop.services);
    const c = new AdminClient(shop.url);
    for (const [email, password] of [
      [staff.email, 'not the password at all'],
      ['nobody@shop.test', PASSWORD],
    ] as const) {
      const res = await c.login(email, password);
      assert.equal(res.status, 401);
      const html = await res.text();
      assert.match(html, /id="login-form"/);
      assert.match(html, /The e-mail or password is not right/);
      assert.doesNotMatch(html, new RegExp(password), 'the password is never echoed');
      assert.equal(c.cookies.has('comptoir_admin'), false);
    }
  });

  it('refuses a login post without the double-submit token and opens no session', async () => {
    const staff = await createStaff(shop.services);
    const c = new AdminClient(shop.url);
    await c.get('/admin/login');
    const res = await c.postForm('/admin/login', { _csrf: 'forged', email: staff.email, password: PASSWORD });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /login form had expired/);
    assert.equal(c.cookies.has('comptoir_admin'), false);
    const bare = new AdminClient(shop.url);
    const res2 = await bare.postForm('/admin/login', { email: staff.email, password: PASSWORD });
    assert.equal(res2.status, 403);
    assert.equal(bare.cookies.has('comptoir_admin'), false);
  });

  it('sends pages without a session to the login page, with where to come back', async () => {
    const c = new AdminClient(shop.url);
    for (const path of ['/admin', '/admin/products?q=mug', '/admin/collections/new', '/admin/no-such-page']) {
      const res = await c.get(path);
      assert.equal(res.status, 303, path);
      const location = res.headers.get('location')!;
      assert.ok(location.startsWith('/admin/login'), location);
      if (path !== '/admin') assert.equal(new URL(location, shop.url).searchParams.get('next'), path);
    }
    const post = await c.postForm('/admin/products', { _csrf: 'x' });
    assert.equal(post.status, 303);
  });

  it('returns to the page asked for after login', async () => {
    const staff = await createStaff(shop.services);
    const c = new AdminClient(shop.url);
    const res = await c.login(staff.email, PASSWORD, '/admin/products?status=draft');
    assert.equal(res.headers.get('location'), '/admin/products?status=draft');
  });

  it('never redirects outside /admin after login', async () => {
    const staff = await createStaff(shop.services);
    for (const next of ['https://evil.test/admin', '//evil.test/admin', '/\\evil.test', '/admin/../shop', '/en/', 'javascript:alert(1)', '/admin\\@evil.test', '/admin/login']) {
      const c = new AdminClient(shop.url);
      const res = await c.login(staff.email, PASSWORD, next);
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/admin', next);
    }
  });

  it('keeps only relative next paths under /admin', () => {
    assert.equal(safeNext('/admin/products/3?flash=saved'), '/admin/products/3?flash=saved');
    assert.equal(safeNext('/admin'), '/admin');
    assert.equal(safeNext('/administrator'), '/admin');
    assert.equal(safeNext('/admin/%2e%2e/x'), '/admin');
    assert.equal(safeNext(undefined), '/admin');
    assert.equal(safeNext(['/admin/products']), '/admin');
  });

  it('logs out only with the CSRF token, and the old session cookie stops working', async () => {
    const c = await loggedIn(shop.url, shop.services);
    const token = c.cookies.get('comptoir_admin')!;
    const refused = await c.postForm('/admin/logout', { _csrf: 'wrong' });
    assert.equal(refused.status, 403);
    assert.equal((await c.get('/admin')).status, 200, 'still logged in');
    const res = await c.postForm('/admin/logout', { _csrf: await c.csrf() });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/admin/login?out=1');
    const replay = new AdminClient(shop.url);
    replay.cookies.set('comptoir_admin', token);
    assert.equal((await replay.get('/admin')).status, 303, 'the old token no longer opens a session');
  });

  it('gives packers and support staff a 403 page on owner pages', async () => {
    for (const role of ['packer', 'support'] as const) {
      const c = await loggedIn(shop.url, shop.services, role);
      for (const path of ['/admin/products', '/admin/products/new', '/admin/collections']) {
        const res = await c.get(path);
        assert.equal(res.status, 403, `${role} ${path}`);
        assert.match(await res.text(), /Your role does not give access/);
      }
      const post = await c.postForm('/admin/collections', { _csrf: 'x', 'translations.en.title': 'Sneaky' });
      assert.equal(post.status, 403);
    }
    assert.equal((await shop.services.catalog.collections.list()).length, 0);
  });

  it('sends support staff to the orders after login and shows packers their own landing page', async () => {
    const support = await loggedIn(shop.url, shop.services, 'support');
    const landing = await support.get('/admin');
    assert.equal(landing.status, 303);
    assert.equal(landing.headers.get('location'), '/admin/orders');
    const packer = await loggedIn(shop.url, shop.services, 'packer');
    const page = await packer.get('/admin');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /packing station/);
  });

  it('marks the session cookie Secure when the shop is served over https', async () => {
    const secure = await startTestShop({ PUBLIC_URL: 'https://shop.example' });
    try {
      const staff = await createStaff(secure.services);
      const c = new AdminClient(secure.url);
      const res = await c.login(staff.email);
      assert.equal(res.status, 303);
      assert.match(res.headers.getSetCookie().find((s) => s.startsWith('comptoir_admin='))!, /Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe('admin login rate limit', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop({ LOGIN_RATE_LIMIT: '3' });
  });
  after(() => shop.close());

  it('answers 429 with a readable page once an address has posted too many logins in a minute', async () => {
    const staff = await createStaff(shop.services);
    const c = new AdminClient(shop.url);
    for (let i = 0; i < 3; i++) assert.equal((await c.login(staff.email, 'wrong password here')).status, 401);
    const res = await c.login(staff.email);
    assert.equal(res.status, 429);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await res.text(), /Too many login attempts/);
    assert.equal(c.cookies.has('comptoir_admin'), false, 'even the right password is refused while limited');
    assert.equal((await c.get('/admin/login')).status, 200, 'the form itself is not limited');
  });
});
