// Steps of the console journeys, as staff do them at a desk: a desktop window, the sign-in form,
// and the page a failed journey left open kept as a screenshot for the artifacts.
import { afterEach } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import { screenshot } from './browser.ts';

/** A desk's screen: the console is used on desktops, not phones. */
export const desk = {
  viewport: { width: 1366, height: 900 },
  isMobile: false,
  hasTouch: false,
  deviceScaleFactor: 1,
};

let current: Page | undefined;

/** Call once at the top of a test file: a failed test leaves a screenshot of its last signed-in page. */
export function screenshotFailures(): void {
  afterEach(async (t) => {
    // Node's test context says whether the test passed (since 21.7); @types/node does not declare it.
    const failed = (t as { passed?: boolean }).passed === false;
    if (failed && current && !current.isClosed()) await screenshot(current, `failed-${t.name.slice(0, 40)}`);
    current = undefined;
  });
}

/** Signs in on the console's sign-in form (zh-CN labels) with the demo password. */
export async function signInStaff(page: Page, username: string, path = '/staff'): Promise<void> {
  page.setDefaultTimeout(15_000);
  current = page;
  await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}
