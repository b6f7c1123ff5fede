// Steps of the console journeys, as staff do them on the page (zh-CN labels).
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';

/** A desktop at the window: the console is used on a PC, not a phone. */
export const desk = {
  viewport: { width: 1366, height: 900 },
  isMobile: false,
  hasTouch: false,
  deviceScaleFactor: 1,
};

/** Signs in on /staff with a demo account and waits for the console's navigation. */
export async function signInToConsole(page: Page, username: string): Promise<void> {
  await page.goto('/staff');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation').waitFor();
}
