// The verifier page (/verify) in Chromium (issue 6, journeys 2–6 for this page): a live code read
// through the camera (Chromium's fake capture fed a y4m video of a real display code) shows valid,
// and the same code after its lifetime expired; offline, with the lists cached before the network
// was cut, a fresh code is valid, a revoked card's code revoked, and lists past their ttl give
// status unknown; English and Spanish; elderly-mode sizes; axe in both modes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { qrVideo } from '../support/y4m.ts';

const dir = mkdtempSync(join(tmpdir(), 'juzhu-camera-'));
const camera = join(dir, 'code.y4m');
let p: BrowserPlatform;

before(async () => {
  // The fake camera reads its file when a page opens it, so the file is written just before.
  p = await startBrowserPlatform({
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${camera}`,
    ],
  });
});
after(async () => {
  await p?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function freshCode(phone: string, cardIndex = 0): Promise<{ code: string; cardId: string }> {
  const token = await p.residentToken(phone);
  const cards = (await p.call('GET', '/api/v1/me/cards', { token })).json<{ id: string }[]>();
  const cardId = cards[cardIndex]!.id;
  const res = await p.call('POST', `/api/v1/cards/${cardId}/display-codes`, { token, body: {} });
  assert.equal(res.statusCode, 201, res.body);
  return { code: res.json<{ code: string }>().code, cardId };
}

const verdictOf = (page: Page) => page.locator('[data-result]').getAttribute('data-result');

/** The device's clock is right: it follows the server's (which logins move on, past OTP resend limits). */
const syncClock = (page: Page) => page.clock.setSystemTime(p.clock.now());

async function paste(page: Page, code: string) {
  await syncClock(page);
  await page.getByRole('button', { name: '粘贴文字' }).click();
  await page.getByLabel('粘贴证照码（以 JZ1: 开头）').fill(code);
  await page.getByRole('button', { name: '核验', exact: true }).click();
  await page.locator('[data-result]').waitFor();
}

test('the camera reads a live code: valid, then expired after its lifetime', async () => {
  const { code } = await freshCode('13800000001');
  writeFileSync(camera, qrVideo(code));
  const context = await p.newContext();
  await context.grantPermissions(['camera'], { origin: p.origin });
  const page = await context.newPage();
  const watch = watchPage(page, p.origin);
  await page.goto('/verify');
  await page.getByRole('button', { name: '打开摄像头扫码' }).click();
  await page.locator('[data-result]').waitFor({ timeout: 20_000 });
  assert.equal(await verdictOf(page), 'valid');
  await page.getByText('有效：证照真实，当前有效。').waitFor();
  await page.getByText('请核对持证人的身份证').waitFor();
  await page
    .getByText('朝阳区')
    .or(page.getByText('区', { exact: false }).first())
    .first()
    .waitFor();
  await screenshot(page, 'verify-camera-valid');

  p.clock.advance(120_000); // past the 60 s lifetime and the 10 s skew
  await page.getByRole('button', { name: '核验下一个' }).click();
  await page.getByRole('button', { name: '打开摄像头扫码' }).click();
  await page.locator('[data-result]').waitFor({ timeout: 20_000 });
  assert.equal(await verdictOf(page), 'expired');
  await screenshot(page, 'verify-camera-expired');
  assert.deepEqual(watch.problems, []);
  await context.close();
});

test('offline after load: a fresh code valid, a revoked card revoked, stale lists status unknown', async () => {
  const context = await p.newContext();
  const page = await context.newPage();
  await page.clock.install({ time: p.clock.now() }); // the device's clock is right
  await page.goto('/verify');
  await page.getByText(/名单更新于/).waitFor();

  await context.setOffline(true);
  await paste(page, (await freshCode('13800000001')).code);
  assert.equal(await verdictOf(page), 'valid');
  await page.getByText('离线核验（依据本机保存的名单）').waitFor();
  await screenshot(page, 'verify-offline-valid');

  // A card revoked after the page first cached: the page updates its lists while online, then the
  // network goes again and the check happens offline.
  await context.setOffline(false);
  const { code, cardId } = await freshCode('13800000002');
  const officer = await p.staffToken('officer-110105');
  const revoked = await p.call('POST', `/api/v1/staff/cards/${cardId}/revoke`, {
    token: officer,
    body: { reason: '核查不实' },
  });
  assert.equal(revoked.statusCode, 200, revoked.body);
  await page.getByRole('button', { name: '核验下一个' }).click();
  const listsLine = page.getByText(/名单更新于/);
  const before = await listsLine.textContent();
  await syncClock(page); // a minute on since the first download: the "updated" line changes
  await page.getByRole('button', { name: '更新名单' }).click();
  await page.waitForFunction((b) => !document.body.innerText.includes(b ?? ''), before);
  await context.setOffline(true);
  await paste(page, code);
  assert.equal(await verdictOf(page), 'revoked');
  await screenshot(page, 'verify-offline-revoked');

  // Ten minutes later the kept status lists are past their 5-minute ttl: never valid again.
  p.clock.advance(600_000);
  await page.getByRole('button', { name: '核验下一个' }).click();
  await paste(page, (await freshCode('13800000001')).code);
  assert.equal(await verdictOf(page), 'status_unknown');
  await screenshot(page, 'verify-offline-status-unknown');
  await context.close();
});

test('English, Spanish and elderly mode: sizes measured, no serious accessibility violation', async () => {
  const context = await p.newContext();
  const page = await context.newPage();
  await page.goto('/verify');
  await page.getByRole('heading', { name: '证照核验', level: 1 }).waitFor();
  await assertAccessible(page, 'verify zh-CN');
  await screenshot(page, 'verify-zh-CN');
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('button', { name: 'Open the camera to scan' }).waitFor();
  await screenshot(page, 'verify-en');
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('button', { name: 'Abrir la cámara para escanear' }).waitFor();
  await screenshot(page, 'verify-es');

  await page.getByRole('button', { name: 'Letra grande' }).click();
  await page.getByRole('button', { name: 'Pegar texto' }).click();
  await page.getByLabel('Pegue el código (empieza por JZ1:)').fill('not a code');
  await page.getByRole('button', { name: 'Verificar', exact: true }).click();
  await page.locator('[data-result="malformed"]').waitFor();
  const sizes = await page.evaluate(() => ({
    body: parseFloat(getComputedStyle(document.body).fontSize),
    verdict: parseFloat(getComputedStyle(document.querySelector('[data-result]')!).fontSize),
  }));
  assert.ok(sizes.body >= 18, `body ${sizes.body}px`);
  assert.ok(sizes.verdict >= 30, `verdict ${sizes.verdict}px`);
  for (const button of await page.locator('main button, header button').all()) {
    const box = await button.boundingBox();
    assert.ok(
      box && box.width >= 60 && box.height >= 60,
      `${await button.textContent()}: ${box?.width}×${box?.height}`,
    );
  }
  await assertAccessible(page, 'verify es elderly verdict');
  await screenshot(page, 'verify-es-elderly-malformed');
  await page.getByRole('button', { name: 'Verificar otro' }).click();
  await assertAccessible(page, 'verify es elderly');
  await screenshot(page, 'verify-es-elderly');
  await context.close();
});
