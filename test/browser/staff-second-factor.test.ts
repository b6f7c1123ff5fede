// The console's sign-in with a second factor (issue 9), in Chromium: an officer whose account has a
// TOTP enrolled types the password, is asked for the code on the same form (the password stays),
// types it, and reaches the queue; a wrong code is refused in words, and the form keeps the name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { staff } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';

let p: BrowserPlatform;
let secret = '';
before(async () => {
  // The browser keeps a cookie until its Expires by its own clock: the server's clock must be today.
  p = await startBrowserPlatform({ at: new Date().toISOString() });
  const [officer] = await p.database.db
    .select({ id: staff.id })
    .from(staff)
    .where(eq(staff.username, 'officer-110105'));
  const admin = await p.staffToken('admin');
  const enrolled = await p.call('POST', `/api/v1/admin/staff/${officer!.id}/totp`, { token: admin });
  assert.equal(enrolled.statusCode, 200, enrolled.body);
  secret = enrolled.json<{ secret: string }>().secret;
});
after(() => p?.close());

test('an enrolled officer is asked for the code after the password, and signs in with it', async () => {
  const context = await p.newContext({
    viewport: { width: 1366, height: 900 },
    isMobile: false,
    hasTouch: false,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const watch = watchPage(page, p.origin);
  await page.goto('/staff');
  await page.getByLabel('用户名').fill('officer-110105');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();

  const code = page.getByLabel('动态验证码');
  await code.waitFor();
  assert.equal(await page.getByLabel('密码').inputValue(), DEMO_PASSWORD, 'the password stays as typed');
  await screenshot(page, 'staff-login-second-factor');
  await assertAccessible(page, 'staff login, code asked');

  await code.fill('000000');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByLabel('用户名').inputValue(), 'officer-110105');

  await code.fill(await generate({ secret, epoch: Math.floor(p.clock.now().getTime() / 1000) }));
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '待办队列', level: 2 }).waitFor();
  assert.deepEqual(
    watch.problems.filter((x) => !/\b401\b/.test(x)),
    [],
  );
  await context.close();
});
