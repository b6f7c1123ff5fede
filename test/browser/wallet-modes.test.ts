// Issue 6, journeys 4–6 on the wallet, in Chromium: the language switch turns the page into English
// and Spanish (no raw key left); in 长辈模式, switched on with one tap on the first screen, the card
// shows directly after sign-in and the measured figures hold (text ≥ 18 px, key figures ≥ 30 px,
// tap targets ≥ 60 × 60 px); axe-core finds no serious or critical violation in either mode.
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
import { signIn } from '../support/wallet-page.ts';

let p: BrowserPlatform;
before(async () => {
  p = await startBrowserPlatform();
});
after(() => p?.close());

const noRawKeys = async (page: Page) =>
  assert.doesNotMatch(
    await page.locator('body').innerText(),
    /(wallet|common)\.[a-z_]+/i,
    'no raw key shows',
  );

/** What the 适老化 rules measure, on everything visible. */
function measure() {
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const smallText = Array.from(document.querySelectorAll('body *'))
    .filter(
      (el) => visible(el) && Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim()),
    )
    .filter((el) => !el.closest('.jz-visually-hidden') && parseFloat(getComputedStyle(el).fontSize) < 18)
    .map((el) => `${el.tagName} "${el.textContent?.trim().slice(0, 20)}" ${getComputedStyle(el).fontSize}`);
  const smallTargets = Array.from(document.querySelectorAll('button, [role=tab], select, input, a[href]'))
    .filter(visible)
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 60 || r.height < 60)
    .map(
      ({ el, r }) =>
        `${el.tagName} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`,
    );
  const clock = document.querySelector('.jz-clock time');
  return {
    smallText,
    smallTargets,
    clockPx: clock ? parseFloat(getComputedStyle(clock).fontSize) : 0,
  };
}

test('the language switch turns the wallet into English and Spanish, remembered', async () => {
  const context = await p.newContext();
  const page = await context.newPage();
  p.clock.advance(61_000); // before the phone's clock is set from it: the two agree
  await page.clock.install({ time: p.clock.now() });
  const watch = watchPage(page, p.origin);
  await signIn(page, p, '13800000002');
  await page.locator('.jz-chip', { hasText: '有效' }).waitFor();
  await assertAccessible(page, 'wallet cards zh-CN');

  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('tab', { name: 'All my cards' }).waitFor();
  await page.locator('.jz-chip', { hasText: 'Valid' }).waitFor();
  await page.getByText('Residence registration card').first().waitFor();
  await noRawKeys(page);
  await screenshot(page, 'wallet-cards-en');

  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('tab', { name: 'Todas mis tarjetas' }).waitFor();
  await page.locator('.jz-chip', { hasText: 'Válida' }).waitFor();
  await noRawKeys(page);
  await page.reload();
  await page.getByRole('tab', { name: 'Todas mis tarjetas' }).waitFor();
  await page.getByRole('button', { name: /^Mostrar código QR/ }).click();
  await page.locator('img.jz-qr').waitFor();
  await page.locator('.jz-clock', { hasText: 'Hora de Pekín' }).waitFor();
  await noRawKeys(page);
  await screenshot(page, 'wallet-card-es');
  await assertAccessible(page, 'wallet card es');
  assert.deepEqual(watch.problems, []);
  await context.close();
});

test('elderly mode: one tap on the first screen, the card directly after sign-in, the figures measured', async () => {
  const context = await p.newContext();
  const page = await context.newPage();
  p.clock.advance(61_000); // a new code for the same phone a minute later; then the clocks agree
  await page.clock.install({ time: p.clock.now() });
  const watch = watchPage(page, p.origin);
  await page.goto('/wallet');
  await page.getByRole('button', { name: '长辈模式' }).click();
  await screenshot(page, 'wallet-login-elderly');
  const login = await page.evaluate(measure);
  assert.deepEqual(login.smallText, [], 'sign-in screen: text below 18 px');
  assert.deepEqual(login.smallTargets, [], 'sign-in screen: targets below 60 × 60 px');
  await assertAccessible(page, 'wallet sign-in elderly');

  await page.getByLabel('手机号码').fill('13800000002');
  await page.getByRole('button', { name: '获取验证码' }).click();
  // Until the page says the code was sent, the outbox still holds the first test's code for this phone.
  await page.getByText('验证码已发送至').waitFor();
  await page.getByLabel('短信验证码').fill(await p.otpFor('13800000002'));
  await page.getByRole('button', { name: '登录' }).click();
  // 李娜 holds one card: it is shown at once, with no list to find it in.
  await page.locator('img.jz-qr').waitFor();
  assert.equal(await page.locator('.jz-warning').count(), 0, 'no clock warning when the clocks agree');
  const card = await page.evaluate(measure);
  assert.ok(card.clockPx >= 30, `the clock (a key figure) is ${card.clockPx}px`);
  assert.deepEqual(card.smallText, [], 'card view: text below 18 px');
  assert.deepEqual(card.smallTargets, [], 'card view: targets below 60 × 60 px');
  await screenshot(page, 'wallet-card-elderly');
  await assertAccessible(page, 'wallet card elderly');

  await page.getByRole('button', { name: /返回/ }).click();
  await page.getByRole('tab', { name: '我的申请' }).click();
  await page.getByRole('button', { name: '申领居住登记卡' }).click();
  await page.getByLabel('居住地所在区').waitFor();
  const form = await page.evaluate(measure);
  assert.deepEqual(form.smallText, [], 'apply form: text below 18 px');
  assert.deepEqual(form.smallTargets, [], 'apply form: targets below 60 × 60 px');
  await assertAccessible(page, 'wallet apply form elderly');

  // The screens added since hold the same figures: the card list with its forms, a permit
  // application, a change of address and who checked the cards.
  const screens: [string, () => Promise<unknown>][] = [
    ['card list', () => page.getByRole('tab', { name: '全部电子证照' }).click()],
    [
      'permit form',
      async () => {
        await page.getByRole('tab', { name: '我的申请' }).click();
        await page.getByRole('button', { name: '申领居住证' }).click();
        await page.getByLabel('申领依据').waitFor();
      },
    ],
    [
      'change form',
      async () => {
        await page.getByRole('button', { name: '返回，不提交' }).click();
        await page.getByRole('tab', { name: '全部电子证照' }).click();
        await page.getByRole('button', { name: /^变更地址/ }).click();
        await page.getByLabel('居住地所在区').waitFor();
      },
    ],
    [
      'access log',
      async () => {
        await page.getByRole('button', { name: '返回，不提交' }).click();
        await page.getByRole('tab', { name: '查验记录' }).click();
        await page.getByRole('heading', { name: '谁查看了我的证件' }).waitFor();
      },
    ],
  ];
  await page.getByRole('button', { name: '返回，不提交' }).click();
  for (const [name, open] of screens) {
    await open();
    await page.locator('.jz-main').getByText(/./).first().waitFor();
    const figures = await page.evaluate(measure);
    assert.deepEqual(figures.smallText, [], `${name}: text below 18 px`);
    assert.deepEqual(figures.smallTargets, [], `${name}: targets below 60 × 60 px`);
    await assertAccessible(page, `wallet ${name} elderly`);
  }
  await screenshot(page, 'wallet-access-log-elderly');
  assert.deepEqual(watch.problems, []);
  await context.close();
});
