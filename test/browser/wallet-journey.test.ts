// Issue 6, journey 1, in Chromium: a new resident signs in on /wallet with the code the dev outbox
// received, binds an identity, applies for a registration card with a photo and a PDF through the
// page; an officer approves it (API); the wallet then shows the card with a live QR, and the QR read
// from a screenshot of the page verifies `valid` at POST /api/v1/verify. A phone whose clock is
// wrong is told so, and its QR still verifies.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestIdNumber } from '../../src/domain/identity/id-number.fixtures.ts';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { letterPdf, photoPng, readQr, signIn } from '../support/wallet-page.ts';

const PHONE = '13912345678';
let p: BrowserPlatform;
before(async () => {
  p = await startBrowserPlatform();
});
after(() => p?.close());

test('a resident signs in, binds, applies with a photo and a PDF; once approved the live QR verifies valid', async () => {
  const context = await p.newContext();
  const page = await context.newPage();
  // The phone's clock agrees with the server's (the demo server runs on DEMO_DAY).
  await page.clock.install({ time: p.clock.now() });
  const watch = watchPage(page, p.origin);

  await signIn(page, p, PHONE);
  await page.getByRole('heading', { name: '实名认证' }).waitFor();
  await screenshot(page, 'wallet-bind-zh');
  await page.getByLabel('姓名').fill('林小雨');
  await page.getByLabel('公民身份号码').fill(makeTestIdNumber('110105', '1992-03-04', 41));
  await page.getByRole('button', { name: '确认绑定' }).click();

  await page.getByRole('tab', { name: '我的申请' }).click();
  await page.getByRole('button', { name: '申领居住登记卡' }).click();
  // Sending with nothing chosen keeps the page and says what is missing, next to each field.
  await page.getByRole('button', { name: '提交申请' }).click();
  assert.ok((await page.getByRole('alert').count()) >= 3, 'each missing field says so');
  await page.getByLabel('居住地所在区').selectOption('110105');
  const street = page.getByLabel('街道（乡镇）');
  await street.locator('option:nth-child(2)').waitFor({ state: 'attached' });
  await street.selectOption({ index: 1 });
  await page.getByLabel('详细地址').fill('朝阳路 1 号院 2 号楼 301');
  // A file of the wrong type is refused before upload, and nothing typed is lost.
  await page.getByTestId('material-photo-file').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not an image'),
  });
  await page.getByText('仅支持 JPEG、PNG 图片或 PDF 文件').waitFor();
  assert.equal(await page.getByLabel('详细地址').inputValue(), '朝阳路 1 号院 2 号楼 301');
  await page
    .getByTestId('material-photo-file')
    .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: photoPng() });
  await page
    .getByTestId('material-proof_of_address-file')
    .setInputFiles({ name: 'lease.pdf', mimeType: 'application/pdf', buffer: letterPdf() });
  await screenshot(page, 'wallet-apply-zh');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('申请已提交').waitFor();
  await page.getByText('已受理').waitFor();

  // The officer of 朝阳区 approves it through the API.
  const officer = await p.staffToken('officer-110105');
  const queue = (
    await p.call('GET', '/api/v1/staff/applications?status=submitted', { token: officer })
  ).json<{ items: { id: string; streetCode: string }[] }>().items;
  const mine = queue.filter((a: { streetCode: string }) => a.streetCode !== undefined);
  assert.ok(mine.length >= 1, 'the application is in the queue');
  const ours = mine[0]!;
  const approved = await p.call('POST', `/api/v1/staff/applications/${ours.id}/decision`, {
    token: officer,
    body: { decision: 'approve' },
  });
  assert.equal(approved.statusCode, 200, approved.body);

  await page.reload();
  await page.getByRole('tab', { name: '全部电子证照' }).waitFor();
  await page.getByText('居住登记卡').first().waitFor();
  await page.locator('.jz-chip', { hasText: '有效' }).first().waitFor();
  assert.doesNotMatch(
    await page.locator('body').innerText(),
    /(wallet|common)\.[a-z]+\./i,
    'no raw key shows',
  );
  await screenshot(page, 'wallet-cards-zh');
  await page
    .getByRole('button', { name: /^出示二维码/ })
    .first()
    .click();
  const qr = page.locator('img.jz-qr');
  await qr.waitFor();
  await page.getByText('北京时间').waitFor();
  assert.equal(await page.locator('.jz-warning').count(), 0, 'no clock warning when the clocks agree');
  await qr.scrollIntoViewIfNeeded();
  const shot = await page.screenshot();
  await screenshot(page, 'wallet-card-zh');
  const code = readQr(shot);
  const verdict = await p.call('POST', '/api/v1/verify', { body: { code } });
  assert.equal(verdict.json().result, 'valid', verdict.body);
  assert.equal(verdict.json().kind, 'registration_card');

  // The QR is redrawn from a new code every 30 s: move the phone's time on 31 s. The new code is
  // another image (each code has its own random id), even when both were issued in the same second.
  const before = await qr.getAttribute('src');
  const renewed = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/display-codes') && r.ok(),
  );
  await page.clock.fastForward(31_000);
  await renewed;
  await page.waitForFunction(
    (old) => document.querySelector('img.jz-qr')?.getAttribute('src') !== old,
    before,
  );
  await assertAccessible(page, 'wallet card view');
  assert.deepEqual(watch.problems, []);
  await context.close();
});

test('a phone whose clock is off is told so, and its QR still verifies', async () => {
  const context = await p.newContext();
  const page = await context.newPage();
  // This phone's clock runs five minutes fast.
  await page.clock.install({ time: new Date(p.clock.now().getTime() + 5 * 60_000) });
  p.clock.advance(61_000); // a new code for a phone may be asked a minute after the last
  await signIn(page, p, '13800000001');
  await page
    .getByRole('button', { name: /^出示二维码/ })
    .first()
    .click();
  await page.locator('img.jz-qr').waitFor();
  await page.getByText('您的手机时间与北京时间相差约').waitFor();
  const code = readQr(await page.screenshot());
  assert.equal((await p.call('POST', '/api/v1/verify', { body: { code } })).json().result, 'valid');
  await context.close();
});
