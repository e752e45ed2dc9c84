import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run: Debian's Chromium is there. With REQUIRE_BROWSER=1 (CI), its
 * absence fails the run instead of skipping the browser tests.
 */
export function browserAvailable(what: string): boolean {
  const available = existsSync(CHROMIUM);
  if (!available && process.env.REQUIRE_BROWSER === '1') {
    throw new Error(
      `REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM} (apt-get install chromium)`,
    );
  }
  if (!available) process.stderr.write(`[e2e] no Chromium at ${CHROMIUM}: ${what} is skipped\n`);
  return available;
}

/** Debian's Chromium, headless, never a downloaded browser (DEVELOPERS.md). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
