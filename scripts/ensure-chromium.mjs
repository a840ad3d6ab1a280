#!/usr/bin/env node
// Browser tests drive Debian's chromium (never a downloaded browser). Install it when missing and we may.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('chromium is missing: installing Debian\'s chromium for the browser tests...');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core', { stdio: 'inherit' });
  } else {
    console.error(`The browser tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to another Chromium binary).`);
    process.exit(1);
  }
}
