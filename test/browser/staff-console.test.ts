// The staff console and the administration pages in Chromium (issue 7, tests 1, 2 and 4, plus
// axe on the queue and the detail): a resident's application made through the API reaches the
// right officer's queue with name and photo; the officer asks for materials and later approves in
// the page; an officer of another district sees nothing of it; an administrator rotates the
// signing key in /admin and a code issued before still verifies.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { desk, screenshotFailures, signInStaff } from '../support/staff-page.ts';
import { proofOfAddress } from '../support/test-app.ts';
import { makeTestIdNumber } from '../../src/domain/identity/id-number.fixtures.ts';

const HOME = '110105';
const OTHER = '110101';
const resident = {
  phone: '13912340077',
  name: '郑文',
  idNumber: makeTestIdNumber('340104', '1993-08-19', 47),
};

/** A real 60×80 PNG, so the photo visibly renders (naturalWidth > 0). */
function portrait(): string {
  const png = new PNG({ width: 60, height: 80 });
  for (let i = 0; i < png.data.length; i += 4) {
    const y = Math.floor(i / 4 / 60);
    png.data[i] = y < 30 ? 230 : 40;
    png.data[i + 1] = y < 30 ? 190 : 60;
    png.data[i + 2] = y < 30 ? 160 : 140;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png).toString('base64');
}

let p: BrowserPlatform;
let applicationId = '';
let residentToken = '';
before(async () => {
  // The browser keeps a cookie until its Expires by its own clock: the server's clock must be today.
  p = await startBrowserPlatform({ at: new Date().toISOString() });
  residentToken = await p.residentToken(resident.phone);
  const bound = await p.call('PUT', '/api/v1/me/identity', {
    token: residentToken,
    body: { name: resident.name, idNumber: resident.idNumber },
  });
  assert.equal(bound.statusCode, 200, bound.body);
  const applied = await p.call('POST', '/api/v1/applications', {
    token: residentToken,
    body: {
      type: 'registration_card',
      address: { districtCode: HOME, street: '110105001', detail: '建国路 88 号 3 号楼 1201' },
      materials: [{ kind: 'photo', contentType: 'image/png', content: portrait() }, proofOfAddress],
    },
  });
  assert.equal(applied.statusCode, 201, applied.body);
  applicationId = applied.json().id;
});
after(() => p?.close());

screenshotFailures();

/** Runs `act` and waits for the queue's answer to a search (a request with `q=`). */
async function searchedBy(page: Page, act: () => Promise<void>): Promise<void> {
  const answered = page.waitForResponse(
    (r) => r.url().includes('/api/v1/staff/applications?') && r.url().includes('q='),
  );
  await act();
  await answered;
}

test('an application made online reaches the officer of its district, who asks for materials and then approves in the page', async () => {
  const context = await p.newContext(desk);
  const page = await context.newPage();
  const watch = watchPage(page, p.origin);
  await signInStaff(page, `officer-${HOME}`, '/staff');
  await page.getByRole('heading', { name: '待办队列', level: 2 }).waitFor();
  await page.getByLabel('搜索', { exact: true }).fill(resident.name);
  await searchedBy(page, () => page.getByLabel('搜索', { exact: true }).press('Enter'));
  // The searched page, not the unfiltered queue shown before it: Enter below opens its first row.
  await page.getByText('共 1 件').waitFor();
  const row = page.getByRole('row', { name: new RegExp(resident.name) });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /个工作日|今日到期/, 'working days left are shown');
  await screenshot(page, 'staff-queue-zh-CN');
  await assertAccessible(page, 'staff queue');

  // Keyboard: the search field lets go, then Enter opens the current row.
  await page.getByRole('heading', { name: '待办队列', level: 2 }).click();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: new RegExp(`申请详情 · ${resident.name}`), level: 2 }).waitFor();
  const photo = page.getByRole('img', { name: '申请人照片' });
  await photo.waitFor();
  await page.waitForFunction(
    () => document.querySelector<HTMLImageElement>('img.jz-photo')?.naturalWidth === 60,
  );
  await page.getByRole('button', { name: '显示完整号码' }).click();
  await page.getByText('此次查看已记入审计日志').waitFor();
  await page.getByText(resident.idNumber).waitFor();
  // The address by its places' names, the history in words.
  await page.getByText(/朝阳区 建外街道 建国路 88 号/).waitFor();
  await page.getByText('网上提交申请 · 申请人').waitFor();
  await screenshot(page, 'staff-detail-zh-CN');
  await assertAccessible(page, 'staff application detail');

  // Request materials: the checklist offers only what a registration card needs.
  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: '一次性告知补正材料' });
  await dialog.waitFor();
  const offered = await dialog
    .getByRole('checkbox')
    .evaluateAll((els) => els.map((e) => e.closest('label')?.textContent?.trim()));
  assert.deepEqual(offered, ['照片', '住所证明']);
  await dialog.getByLabel('住所证明').check();
  await dialog.getByLabel('补正说明（申请人可见，可选）').fill('租赁合同页面不清晰，请重新上传。');
  await dialog.getByRole('button', { name: '确认' }).click();
  await page.getByText('已一次性告知申请人补正材料。').waitFor();
  const mine = (
    await p.call('GET', `/api/v1/applications/${applicationId}`, { token: residentToken })
  ).json();
  assert.equal(mine.status, 'needs_materials');
  assert.deepEqual(mine.missing, ['proof_of_address']);

  const resubmitted = await p.call('POST', `/api/v1/applications/${applicationId}/materials`, {
    token: residentToken,
    body: { materials: [proofOfAddress] },
  });
  assert.equal(resubmitted.statusCode, 200, resubmitted.body);

  await page.reload();
  await page.getByText('已补正', { exact: true }).first().waitFor();
  await page.getByRole('button', { name: '批准', exact: true }).click();
  await page.getByRole('dialog', { name: '批准' }).getByRole('button', { name: '确认' }).click();
  await page.getByText('已批准，证件已签发。').waitFor();

  const cards = (await p.call('GET', '/api/v1/me/cards', { token: residentToken })).json();
  assert.equal(cards.length, 1, 'the resident holds the new card');
  assert.equal(cards[0].kind, 'registration_card');

  // The same screen in English.
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('heading', { name: /Application · 郑文/, level: 2 }).waitFor();
  await page.locator('.ant-timeline').getByText('Approved').first().waitFor();
  await screenshot(page, 'staff-detail-en');
  await page.getByRole('link', { name: 'Back to the queue' }).click();
  await page.getByRole('heading', { name: 'Queue', level: 2 }).waitFor();
  await screenshot(page, 'staff-queue-en');
  assert.deepEqual(watch.problems, []);
  await context.close();
});

test('an officer of another district sees neither the application nor the card, by search or by URL', async () => {
  const context = await p.newContext(desk);
  const page = await context.newPage();
  await signInStaff(page, `officer-${OTHER}`, '/staff');
  await page.getByRole('heading', { name: '待办队列', level: 2 }).waitFor();
  await page.getByLabel('搜索', { exact: true }).fill(resident.idNumber);
  // The empty answer must be the search's, not the queue's before it.
  await searchedBy(page, () => page.getByLabel('搜索', { exact: true }).press('Enter'));
  await page.getByText('没有符合条件的申请。').waitFor();
  await page.goto(`/staff#/applications/${applicationId}`);
  await page.getByText('找不到这份申请，或它不在您的辖区内。').waitFor();
  assert.equal(await page.getByText(resident.name).count(), 0);
  const cards = (await p.call('GET', '/api/v1/me/cards', { token: residentToken })).json();
  const other = await p.staffToken(`officer-${OTHER}`);
  const search = await p.call('GET', `/api/v1/staff/cards?q=${cards[0]?.number ?? 'none'}`, { token: other });
  assert.equal(search.json().total, 0, 'the card is not found from another district');
  await context.close();
});

test('an administrator rotates the signing key in /admin; a code issued before still verifies', async () => {
  const holder = await p.residentToken('13800000001');
  const [card] = (await p.call('GET', '/api/v1/me/cards', { token: holder })).json();
  const before = await p.call('POST', `/api/v1/cards/${card.id}/display-codes`, { token: holder, body: {} });
  assert.equal(before.statusCode, 201, before.body);
  const { code } = before.json();

  const context = await p.newContext(desk);
  const page = await context.newPage();
  const watch = watchPage(page, p.origin);
  await signInStaff(page, 'admin', '/admin');
  await page.getByRole('heading', { name: '展示码签名密钥', level: 2 }).waitFor();
  // Count the keys once they are listed, or the comparison below holds before any rotation.
  await page.getByText('正在签名').waitFor();
  const rowsBefore = await page.getByRole('row').count();
  await page.getByRole('button', { name: '轮换签名密钥' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await page.getByText(/已轮换，新密钥/).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('tr').length > n, rowsBefore);
  await page.getByText('仅用于核验').waitFor();
  await screenshot(page, 'admin-keys-zh-CN');
  await assertAccessible(page, 'admin keys');
  assert.deepEqual(watch.problems, []);
  await context.close();

  const checked = await p.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code } });
  assert.equal(checked.json().result, 'valid', 'a code signed by the retired key still verifies');
});
