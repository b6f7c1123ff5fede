// Late December 2026, the 2027 holidays not published: the wallet shows the application's due date
// marked provisional (docs/calendar.md), in Chinese and in English; switching the wallet's language
// tells the server, whose SMS follow it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestIdNumber } from '../../src/domain/identity/id-number.fixtures.ts';
import { photo, proofOfAddress } from '../support/test-app.ts';
import { screenshot, startBrowserPlatform, watchPage, type BrowserPlatform } from '../support/browser.ts';
import { signIn } from '../support/wallet-page.ts';
import { findResidentByPhone } from '../../src/db/repositories/residents.ts';

const PHONE = '13912340022';
let p: BrowserPlatform;
before(async () => {
  p = await startBrowserPlatform({ at: '2026-12-22T09:00:00+08:00' });
});
after(() => p?.close());

test('the wallet marks a due date counted on the provisional calendar', async () => {
  const token = await p.residentToken(PHONE);
  await p.call('PUT', '/api/v1/me/identity', {
    token,
    body: { name: '林暂定', idNumber: makeTestIdNumber('110105', '1990-02-02', 61) },
  });
  const applied = await p.call('POST', '/api/v1/applications', {
    token,
    body: {
      type: 'registration_card',
      address: { districtCode: '110105', street: '110105001', detail: '建国路 9 号' },
      materials: [photo, proofOfAddress],
    },
  });
  assert.equal(applied.json().dueByProvisional, true, applied.body);

  const context = await p.newContext();
  const page = await context.newPage();
  await page.clock.install({ time: p.clock.now() });
  const watch = watchPage(page, p.origin);
  await signIn(page, p, PHONE);
  await page.getByRole('tab', { name: '我的申请' }).click();
  await page.getByText('暂定：该年度节假日安排公布后重新计算').waitFor();
  await screenshot(page, 'wallet-provisional-due-zh');

  // Switched to English, the page says it in English and the server sends her SMS in English.
  const told = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/language') && r.status() === 204);
  await page.getByLabel('语言').selectOption('en');
  await told;
  await page.getByText("provisional: recounted when that year's official holidays are published").waitFor();
  const me = await findResidentByPhone(p.database.db, p.ctx.personal, PHONE);
  assert.equal(me?.language, 'en');
  await screenshot(page, 'wallet-provisional-due-en');
  assert.deepEqual(watch.problems, []);
  await context.close();
});
