// A passkey as the console's second factor (issue 9), in Chromium with its virtual authenticator
// (DevTools protocol WebAuthn domain: CTAP2, built in, resident keys, user verified): a signed-in
// officer adds a passkey on "My passkeys", signs out, and signs in again: after the password the
// form offers "Use a passkey", which ends in the queue. The relying party is the page's own host:
// browsers take `localhost` (never an IP address) as an RP ID, so the platform's public URL is
// pointed at http://localhost:<port> for this file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { desk, screenshotFailures, signInStaff } from '../support/staff-page.ts';
import { staff, staffPasskeys } from '../../src/db/schema/index.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';

let p: BrowserPlatform;
let origin: string;
before(async () => {
  // The browser keeps a cookie until its Expires by its own clock: the server's clock must be today.
  p = await startBrowserPlatform({ at: new Date().toISOString() });
  origin = p.origin.replace('127.0.0.1', 'localhost');
  p.ctx.credentials = { ...p.ctx.credentials, publicUrl: origin };
});
after(() => p?.close());
screenshotFailures();

test('an officer adds a passkey, signs in with it instead of a code, then removes it', async () => {
  const context = await p.newContext({ ...desk, baseURL: origin });
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await signInStaff(page, 'officer-110105');
  await page.getByRole('menuitem', { name: '我的通行密钥' }).click();
  await page.getByRole('heading', { name: '我的通行密钥', level: 2 }).waitFor();
  await page.getByLabel('新通行密钥的名称').fill('窗口电脑');
  await page.getByRole('button', { name: '添加通行密钥' }).click();
  await page.getByRole('status').filter({ hasText: '已添加通行密钥“窗口电脑”' }).waitFor();
  await page.getByRole('cell', { name: '窗口电脑', exact: true }).waitFor();
  await screenshot(page, 'staff-passkey-added');
  await assertAccessible(page, 'my passkeys');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').fill('officer-110105');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  const usePasskey = page.getByRole('button', { name: '使用通行密钥' });
  await usePasskey.waitFor();
  await screenshot(page, 'staff-login-passkey');
  await assertAccessible(page, 'staff login, passkey offered');
  await usePasskey.click();
  // Signed in again, back where the officer was (the place is in the URL): the passkey now used.
  await page.getByRole('heading', { name: '我的通行密钥', level: 2 }).waitFor();
  await page.getByText('当前用户：officer-110105').waitFor();
  await page
    .getByRole('row', { name: /窗口电脑/ })
    .filter({ hasNotText: '从未使用' })
    .waitFor();

  const [row] = await p.database.db
    .select({ lastUsedAt: staffPasskeys.lastUsedAt })
    .from(staffPasskeys)
    .innerJoin(staff, eq(staff.id, staffPasskeys.staffId))
    .where(eq(staff.username, 'officer-110105'));
  assert.ok(row?.lastUsedAt, 'the passkey was used to sign in');

  // The officer removes it, after confirming: the list is empty and the sign-in asks for it no more.
  await page.getByRole('button', { name: '移除 窗口电脑' }).click();
  await page
    .getByRole('dialog')
    .getByText('移除通行密钥“窗口电脑”后，它将不能再用于登录。确定移除吗？')
    .waitFor();
  await page.getByRole('dialog').getByRole('button', { name: '确定移除' }).click();
  await page.getByRole('status').filter({ hasText: '已移除通行密钥“窗口电脑”' }).waitFor();
  await page.getByText('尚未添加通行密钥。').waitFor();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await screenshot(page, 'staff-passkey-removed');
  const left = await p.database.db
    .select({ id: staffPasskeys.id })
    .from(staffPasskeys)
    .innerJoin(staff, eq(staff.id, staffPasskeys.staffId))
    .where(eq(staff.username, 'officer-110105'));
  assert.deepEqual(left, [], 'the passkey is gone');
  assert.deepEqual(
    watch.problems.filter((x) => !/\b401\b/.test(x)),
    [],
  );
  await context.close();
});
