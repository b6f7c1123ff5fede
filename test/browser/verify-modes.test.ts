// The verifier page's two modes, in Chromium (issue 6): challenge mode shows a fresh challenge, and
// only a code the holder bound to it passes (an unbound one, a replayed screenshot, is
// challenge_mismatch); an organisation's key, entered once, shows the full record and tells the
// verifier that the holder will see the look-up, which the holder then does in the wallet's
// 谁查看了我的证件. A confirmation form's PDF is read in the page (pdf.js under the page's CSP, its
// worker from our server). One server for the file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { letterPdf, signIn } from '../support/wallet-page.ts';
import { findResidentByPhone } from '../../src/db/repositories/residents.ts';

let p: BrowserPlatform;
before(async () => {
  p = await startBrowserPlatform();
});
after(() => p?.close());

async function showCode(phone: string, challenge?: string): Promise<string> {
  const token = await p.residentToken(phone);
  const [card] = (await p.call('GET', '/api/v1/me/cards', { token })).json<{ id: string }[]>();
  const res = await p.call('POST', `/api/v1/cards/${card!.id}/display-codes`, {
    token,
    body: challenge ? { challenge } : {},
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ code: string }>().code;
}

async function paste(page: Page, code: string): Promise<string | null> {
  await page.clock.setSystemTime(p.clock.now());
  await page.getByRole('button', { name: '粘贴文字' }).click();
  await page.getByLabel('粘贴证照码（以 JZ1: 开头）').fill(code);
  await page.getByRole('button', { name: '核验', exact: true }).click();
  return page.locator('[data-result]').getAttribute('data-result');
}

test('challenge mode: a code bound to the shown challenge is valid, an unbound one does not match', async () => {
  const context = await p.newContext();
  const page = await context.newPage();
  await page.clock.install({ time: p.clock.now() });
  const watch = watchPage(page, p.origin);
  await page.goto('/verify');
  await page.getByRole('button', { name: '生成核验码' }).click();
  const challenge = (await page.getByTestId('challenge').innerText()).trim();
  assert.match(challenge, /^[2-9A-HJ-NP-Z]{6}$/);
  await page.getByRole('img', { name: `核验码二维码：${challenge}` }).waitFor();
  await screenshot(page, 'verify-challenge-zh');
  await assertAccessible(page, 'verify challenge mode');

  assert.equal(await paste(page, await showCode('13800000001', challenge)), 'valid');
  await page.getByText('有效：证照真实，当前有效。').waitFor();
  await page.getByRole('button', { name: '核验下一个' }).click();

  assert.equal(await paste(page, await showCode('13800000002')), 'challenge_mismatch');
  await page.getByText('不匹配：码未绑定本页的核验码').waitFor();
  await screenshot(page, 'verify-challenge-mismatch-zh');
  assert.deepEqual(watch.problems, []);
  await context.close();
});

test("an organisation's key shows the full record and the holder sees the look-up", async () => {
  const admin = await p.staffToken('admin');
  const org = (
    await p.call('POST', '/api/v1/admin/verifier-orgs', {
      token: admin,
      body: { name: '建外派出所核验', kind: 'police', fullRecord: true },
    })
  ).json<{ id: string }>();
  const { key } = (
    await p.call('POST', `/api/v1/admin/verifier-orgs/${org.id}/keys`, { token: admin })
  ).json<{ key: string }>();

  const context = await p.newContext();
  const page = await context.newPage();
  await page.clock.install({ time: p.clock.now() });
  const watch = watchPage(page, p.origin);
  await page.goto('/verify');
  await page.getByLabel('单位密钥').fill(key);
  await page.getByRole('button', { name: '保存密钥' }).click();
  await page.getByText('持证人会在“谁查看了我的证件”中看到本次查询').waitFor();
  await page.reload();
  await page.getByRole('button', { name: '删除密钥' }).waitFor(); // entered once, kept

  assert.equal(await paste(page, await showCode('13800000007')), 'valid');
  await page.getByText('孙丽').waitFor(); // the full name, not the masked one
  await page.getByText(/^\d{17}[\dX]$/).waitFor();
  await screenshot(page, 'verify-org-key-zh');
  await assertAccessible(page, 'verify with an organisation key');
  assert.deepEqual(watch.problems, []);
  await context.close();

  // The holder, in the wallet, sees who looked and that they saw everything.
  const wallet = await p.newContext();
  const own = await wallet.newPage();
  p.clock.advance(61_000);
  await own.clock.install({ time: p.clock.now() });
  await signIn(own, p, '13800000007');
  await own.getByRole('tab', { name: '查验记录' }).click();
  const log = own.getByRole('list', { name: '谁查看了我的证件' });
  await log.getByText('公安机关：建外派出所核验').waitFor();
  await log.getByText('查看了完整信息').waitFor();
  await screenshot(own, 'wallet-access-log-police-zh');
  await wallet.close();
});

test("a confirmation form's PDF is rendered in the page and its QR verifies", async () => {
  const holder = await findResidentByPhone(p.ctx.db, p.ctx.personal, '13800000001');
  const form = await p.call('POST', '/api/v1/staff/confirmation-forms', {
    token: await p.staffToken('clerk-110101'),
    body: { idNumber: holder!.idNumber, evidence: 'id_card' },
  });
  assert.equal(form.statusCode, 201, form.body);
  assert.equal(form.headers['content-type'], 'application/pdf');

  const context = await p.newContext();
  const page = await context.newPage();
  await page.clock.install({ time: p.clock.now() });
  const watch = watchPage(page, p.origin);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/verify');
  await page.getByRole('button', { name: '照片', exact: true }).click();
  await page.getByLabel('选择二维码照片或确认单 PDF').setInputFiles({
    name: 'confirmation.pdf',
    mimeType: 'application/pdf',
    buffer: form.rawPayload,
  });
  await page.locator('[data-result]').waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('[data-result]').getAttribute('data-result'), 'valid');
  assert.ok(
    workers.some((u) => u.startsWith(`${p.origin}/assets/pdf.worker`)),
    `pdf.js ran its worker from our server: ${workers.join(', ')}`,
  );
  await page.getByText(String(form.headers['x-form-serial'])).waitFor();
  await page.getByText(/^东华门派出所，/).waitFor();
  await screenshot(page, 'verify-pdf-valid-zh');
  await page.getByRole('button', { name: '核验下一个' }).click();

  // Not a form: a PDF without a code is told so, in the reader's language.
  await page.getByRole('button', { name: '照片', exact: true }).click();
  await page.getByLabel('选择二维码照片或确认单 PDF').setInputFiles({
    name: 'letter.pdf',
    mimeType: 'application/pdf',
    buffer: letterPdf(),
  });
  await page.getByText('这个 PDF 无法打开，或其第一页没有二维码').waitFor();
  assert.deepEqual(watch.problems, [], 'no CSP refusal, no other origin');
  await context.close();

  // The holder's access log lists the printed form, by the station that printed it.
  const wallet = await p.newContext();
  const own = await wallet.newPage();
  p.clock.advance(61_000);
  await own.clock.install({ time: p.clock.now() });
  await signIn(own, p, '13800000001');
  await own.getByRole('tab', { name: '查验记录' }).click();
  const log = own.getByRole('list', { name: '谁查看了我的证件' });
  const printed = log.getByRole('listitem').filter({ hasText: '打印了居住证（卡）确认单' });
  await printed.getByText('派出所或服务站：东华门派出所').waitFor();
  await printed.getByText('查看了完整信息').waitFor();
  await wallet.close();
});
