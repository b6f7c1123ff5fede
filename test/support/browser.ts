// A platform for browser journeys: a fresh database with the demo data (PGlite, or PostgreSQL when
// TEST_DATABASE_URL is set), the app listening on a free loopback port with the built pages, and
// Debian's Chromium driven by playwright-core (no browser is downloaded). Helpers read a login
// code from the dev outbox, save screenshots to test-artifacts/ (git-ignored) and run axe-core.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { dbTargets } from './test-db.ts';
import { startPlatform, type TestPlatform } from './test-app.ts';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The demo day the seeded cards are laid out around (see src/services/demo/demo-data.ts). */
export const DEMO_DAY = '2025-09-26T10:00:00+08:00';

const artifacts = new URL('../../test-artifacts/', import.meta.url);

export interface BrowserPlatform extends TestPlatform {
  origin: string;
  browser: Browser;
  /** A new browser context (own cookies and storage) sized like a phone unless told otherwise. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** The newest login code the dev outbox holds for a phone. */
  otpFor(phone: string): Promise<string>;
}

export async function startBrowserPlatform(
  options: { at?: string; args?: string[] } = {},
): Promise<BrowserPlatform> {
  const target = dbTargets().at(-1)!; // PostgreSQL when the suite has it, else PGlite
  const platform = await startPlatform(target, options.at ?? DEMO_DAY, { running: true });
  await platform.app.listen({ host: '127.0.0.1', port: 0 });
  const origin = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [...chromiumArgs, ...(options.args ?? [])],
    });
  } catch (e) {
    await platform.close(); // or the open database keeps the test process alive
    throw e;
  }
  return {
    ...platform,
    origin,
    browser,
    newContext: (contextOptions = {}) =>
      browser.newContext({
        baseURL: origin,
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        // The console then opens dialogs without their zoom (as it does for anyone who asks for
        // less motion), so a click never lands on a dialog still growing into place.
        reducedMotion: 'reduce',
        ...contextOptions,
      }),
    otpFor: async (phone) => {
      const outbox = (await platform.call('GET', `/api/v1/dev/outbox?to=${phone}`)).json<
        { text: string }[]
      >();
      const code = /(\d{6})/.exec(outbox[0]?.text ?? '')?.[1];
      assert.ok(code, `a login code was sent to ${phone}`);
      return code;
    },
    close: async () => {
      await browser.close();
      await platform.close();
    },
  };
}

/** Saves a full-page screenshot as test-artifacts/<name>.png and returns its bytes. */
export async function screenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(artifacts, { recursive: true });
  return page.screenshot({ path: new URL(`${name}.png`, artifacts).pathname, fullPage: true });
}

/** axe-core with the WCAG 2.2 A/AA tags: fails on any serious or critical violation. */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  // Colours half-way through a transition (a button leaving its loading state, a dialog fading out)
  // are not what the reader sees: let finite animations end first (spinners run for ever: skipped).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `${where}: accessibility violations`,
  );
}

/** Collects what must never happen on our pages: script errors, CSP refusals, other origins. */
export function watchPage(page: Page, origin: string): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // Chromium logs every 4xx answer as "Failed to load resource"; an expected 401 (signed out)
    // is no problem, and server failures are caught below from the responses themselves.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      problems.push(`console error: ${m.text()}`);
    }
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`server error ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  return { problems };
}
