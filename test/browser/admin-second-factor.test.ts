// An administrator sets up an officer's second factor on the staff accounts page, in Chromium
// (issue 9): the dialog shows the otpauth QR code and the secret with the warning that they are
// shown only once; the list then says the account has a second factor. The test reads the secret
// off the page, computes the current code with otplib as an authenticator app would, and the
// officer signs in to the console with it.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { generate } from 'otplib';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';

const desk = {
  viewport: { width: 1366, height: 900 },
  isMobile: false,
  hasTouch: false,
  deviceScaleFactor: 1,
};

let p: BrowserPlatform;
before(async () => {
  // The browser keeps a cookie until its Expires by its own clock: the server's clock must be today.
  p = await startBrowserPlatform({ at: new Date().toISOString() });
});
after(() => p?.close());

let current: Page | undefined;
afterEach(async (t) => {
  if (current && !current.isClosed()) await screenshot(current, `failed-${t.name.slice(0, 40)}`);
  current = undefined;
});

test('an admin enrols an officer; the officer signs in with a code from the secret shown', async () => {
  const admin = await (await p.newContext(desk)).newPage();
  admin.setDefaultTimeout(15_000);
  current = admin;
  const watchAdmin = watchPage(admin, p.origin);
  await admin.goto('/admin');
  await admin.getByLabel('用户名').fill('admin');
  await admin.getByLabel('密码').fill(DEMO_PASSWORD);
  await admin.getByRole('button', { name: '登录' }).click();
  await admin.getByRole('tab', { name: '工作人员' }).click();
  const row = admin.getByRole('row', { name: /officer-110108/ });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /未设置/);

  await row.getByRole('button', { name: '设置二次验证 officer-110108' }).click();
  const ask = admin.getByRole('dialog', { name: '设置二次验证 · officer-110108' });
  await ask.getByText('将为 officer-110108 生成动态验证码密钥', { exact: false }).waitFor();
  await ask.getByRole('button', { name: '生成密钥' }).click();
  const shown = admin.getByRole('dialog', { name: '设置二次验证 · officer-110108' });
  await shown.getByText('密钥只显示这一次', { exact: false }).waitFor();
  const qr = shown.getByRole('img', { name: 'officer-110108 的二次验证二维码' });
  await qr.waitFor();
  assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/png;base64,/);
  const secret = ((await shown.getByLabel('密钥', { exact: true }).textContent()) ?? '').trim();
  assert.match(secret, /^[A-Z2-7]{16,}$/, `a base32 secret: ${secret}`);
  await admin.waitForFunction(() => document.getAnimations().length === 0);
  await screenshot(admin, 'admin-second-factor-zh-CN');
  await assertAccessible(admin, 'admin second-factor enrolment');
  await shown.getByRole('button', { name: '已完成，关闭' }).click();
  await admin.getByText('二次验证已设置，该账号登录时需输入动态验证码。').waitFor();
  await admin.getByRole('row', { name: /officer-110108.*已设置/ }).waitFor();
  assert.equal(await admin.getByText(secret).count(), 0, 'closed, the secret is gone from the page');
  assert.deepEqual(watchAdmin.problems, []);

  const officer = await (await p.newContext(desk)).newPage();
  officer.setDefaultTimeout(15_000);
  current = officer;
  const watchOfficer = watchPage(officer, p.origin);
  await officer.goto('/staff');
  await officer.getByLabel('用户名').fill('officer-110108');
  await officer.getByLabel('密码').fill(DEMO_PASSWORD);
  await officer.getByRole('button', { name: '登录' }).click();
  const code = officer.getByLabel('动态验证码');
  await code.waitFor();
  await code.fill(await generate({ secret, epoch: Math.floor(p.clock.now().getTime() / 1000) }));
  await officer.getByRole('button', { name: '登录' }).click();
  await officer.getByRole('heading', { name: '待办队列', level: 2 }).waitFor();
  assert.deepEqual(
    watchOfficer.problems.filter((x) => !/\b401\b/.test(x)),
    [],
  );
  current = undefined;
});
