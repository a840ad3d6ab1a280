import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page, type Request } from 'playwright-core';

// Shared by the browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// No --user-data-dir here: playwright refuses it in `args` for launch(), and itself starts Chromium on a
// fresh, empty `playwright_chromiumdev_profile-*` folder in the temp dir, removed again on close.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // /dev/shm is small in containers; Debian's wrapper script means to add this itself but its check can fail.
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}: run \`node scripts/ensure-chromium.mjs\` (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 20_000 });
}

/** A phone (iPhone 12-14 size) in French, so `/` sends it to /fr/. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  locale: 'fr-FR',
};

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'fr-FR' };

/**
 * Everything that went wrong on a page: console errors, uncaught exceptions, failed requests and
 * HTTP error answers. `ignore` drops entries a test can justify (matched against the text below).
 */
export function watchPage(page: Page, ignore: RegExp[] = []): { problems: () => string[] } {
  const seen: string[] = [];
  const note = (s: string) => {
    if (!ignore.some((re) => re.test(s))) seen.push(s);
  };
  // Leaving a page cancels what it was still loading (a lazy image below the fold, say): Chromium reports
  // those as net::ERR_ABORTED. They are not faults, so a request aborted after the page it belongs to
  // was left is dropped; one aborted while its page is still shown is kept.
  let navigations = 0;
  const startedDuring = new WeakMap<Request, number>();
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame()) navigations++;
    else startedDuring.set(r, navigations);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') note(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    const started = startedDuring.get(r);
    if (error === 'net::ERR_ABORTED' && started !== undefined && started < navigations) return;
    note(`request failed: ${r.method()} ${r.url()} ${error}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) note(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return { problems: () => [...seen] };
}

/** Text as a person reads it: no-break and narrow no-break spaces (French prices) become plain spaces. */
export const readable = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Waits until the first element matching `selector` reads `expected` (whitespace made plain). */
export async function waitForText(page: Page, selector: string, expected: string, timeout = 5_000): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, want]) => (document.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim() === want,
      [selector, expected] as const,
      { timeout },
    );
  } catch {
    const got = readable(await page.locator(selector).first().textContent().catch(() => null));
    throw new Error(`expected ${selector} to read "${expected}", it reads "${got}"`);
  }
}

/** Page width against the viewport: a phone page must not scroll sideways. */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

const SCREENSHOTS = join(fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url)));

/** A full-page PNG in .tmp/screenshots/ (not committed), for a person to look at; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
