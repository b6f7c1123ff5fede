// Window appointments in Chromium (R3): a resident books a slot of the day in the wallet (390 px),
// told before booking and on the booking that its cancellation deadline (the station's own cut-off,
// from the server) has passed, so no cancel button is offered; books one on Monday, sees until when
// it can be cancelled, and cancels it; the clerk of
// that station sees the day's list in the console (names masked), is told in plain words that an
// appointment another window already checked in cannot be checked in twice, and checks the
// resident in.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { desk, screenshotFailures, signInStaff } from '../support/staff-page.ts';
import { signIn } from '../support/wallet-page.ts';
import { defaultSchedule } from '../../src/domain/appointments/schedule.ts';

const STATION = { id: 'ps-110105-jg', name: '建外派出所' }; // clerk-110105's

let p: BrowserPlatform;
let otherId = '';
before(async () => {
  p = await startBrowserPlatform(); // Friday 2025-09-26, 10:00 in Beijing: a working day
  // The station cancels online until 3 hours before (the default is 2): the wallet shows this
  // station's deadline, read from the server, not a figure of its own.
  const schedule = await p.call('PUT', `/api/v1/admin/stations/${STATION.id}/appointment-schedule`, {
    token: await p.staffToken('admin'),
    body: { ...defaultSchedule, cancelCutoffMinutes: 180 },
  });
  assert.equal(schedule.statusCode, 200, schedule.body);
  // 王小明 booked 10:30 by phone earlier; another window has checked him in meanwhile.
  const booked = await p.call('POST', '/api/v1/appointments', {
    token: await p.residentToken('13800000001'),
    body: { stationId: STATION.id, start: '2025-09-26T02:30:00.000Z', purpose: 'application' },
  });
  assert.equal(booked.statusCode, 201, booked.body);
  otherId = booked.json<{ id: string }>().id;
});
after(() => p?.close());

screenshotFailures();

test('a resident books in the wallet; the clerk checks them in, and is told a row cannot be checked in twice', async () => {
  const wallet = await (await p.newContext()).newPage();
  wallet.setDefaultTimeout(15_000);
  await wallet.clock.install({ time: p.clock.now() });
  const watchWallet = watchPage(wallet, p.origin);
  await signIn(wallet, p, '13800000002'); // 李娜
  await wallet.getByRole('tab', { name: '我的预约' }).click();
  await wallet.getByRole('button', { name: '预约窗口办理' }).click();
  await wallet.getByLabel('派出所或服务站').selectOption({ label: STATION.name });
  await wallet.getByLabel('办理事项').selectOption({ label: '申领居住证（卡）' });
  const day = wallet.getByLabel('日期', { exact: true });
  await wallet.getByRole('option', { name: '2025年9月26日' }).waitFor({ state: 'attached' });
  const offered = await day.locator('option').allTextContents();
  assert.ok(!offered.includes('2025年9月27日'), 'a Saturday offers no slot');
  await day.selectOption({ label: '2025年9月26日' });
  await wallet.getByRole('radio', { name: /^11:30–12:00/ }).check();
  // Before booking: this slot's cancellation deadline (11:30 less the station's 3 hours) has passed.
  await wallet.getByText('此时段预约后不能在线取消：取消截止时间（2025年9月26日 08:30）已过。').waitFor();
  await screenshot(wallet, 'wallet-appointment-book-zh-CN');
  await assertAccessible(wallet, 'wallet booking form');
  await wallet.getByRole('button', { name: '确认预约' }).click();
  await wallet.getByText(`已预约：${STATION.name}，2025年9月26日 11:30。确认短信已发送。`).waitFor();
  const mine = wallet.getByRole('listitem').filter({ hasText: '2025年9月26日 11:30' });
  assert.match((await mine.textContent()) ?? '', /已预约/);
  // Past its deadline: no cancel button, the reason instead.
  await mine
    .getByText('已过取消截止时间（2025年9月26日 08:30），不能在线取消。如不能前来，请联系该派出所或服务站。')
    .waitFor();
  assert.equal(await mine.getByRole('button', { name: '取消预约' }).count(), 0);

  // One on Monday: its deadline is said before booking and on the booking, and it can be cancelled.
  await wallet.getByRole('button', { name: '预约窗口办理' }).click();
  await wallet.getByLabel('派出所或服务站').selectOption({ label: STATION.name });
  await wallet.getByLabel('办理事项').selectOption({ label: '补领或换领' });
  await wallet.getByRole('option', { name: '2025年9月29日' }).waitFor({ state: 'attached' });
  await day.selectOption({ label: '2025年9月29日' });
  await wallet.getByRole('radio', { name: /^09:00–09:30/ }).check();
  await wallet.getByText('可在 2025年9月29日 06:00 前取消').waitFor();
  await wallet.getByRole('button', { name: '确认预约' }).click();
  await wallet.getByText(`已预约：${STATION.name}，2025年9月29日 09:00。确认短信已发送。`).waitFor();
  const monday = wallet.getByRole('listitem').filter({ hasText: '2025年9月29日 09:00' });
  await monday.getByText('可在 2025年9月29日 06:00 前取消').waitFor();
  await screenshot(wallet, 'wallet-appointments-zh-CN');
  await assertAccessible(wallet, 'wallet appointments');
  await monday.getByRole('button', { name: '取消预约' }).click();
  await wallet.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await wallet.getByText('预约已取消。').waitFor();
  await monday.getByText('已取消').waitFor();
  assert.equal(await monday.getByRole('button', { name: '取消预约' }).count(), 0);
  await wallet.getByRole('dialog').waitFor({ state: 'hidden' });
  await screenshot(wallet, 'wallet-appointment-cancelled-zh-CN');
  assert.deepEqual(watchWallet.problems, []);

  const checkedElsewhere = await p.call('POST', `/api/v1/staff/appointments/${otherId}/check-in`, {
    token: await p.staffToken('clerk-110105'),
  });
  assert.equal(checkedElsewhere.statusCode, 200, checkedElsewhere.body);

  const clerk = await (await p.newContext(desk)).newPage();
  await clerk.clock.install({ time: p.clock.now() });
  const watchClerk = watchPage(clerk, p.origin);
  await signInStaff(clerk, 'clerk-110105');
  await clerk.getByRole('navigation').getByText('预约签到').click();
  await clerk.getByRole('heading', { name: '预约签到', level: 2 }).waitFor();
  await clerk.getByText('2025年9月26日的预约，共 2 个').waitFor();
  const li = clerk.getByRole('row', { name: /李\*/ });
  const wang = clerk.getByRole('row', { name: /王\*/ });
  assert.match((await li.textContent()) ?? '', /11:30.*申领居住证（卡）.*待签到/);
  assert.doesNotMatch((await li.textContent()) ?? '', /李娜/, 'the name is masked');
  assert.match((await wang.textContent()) ?? '', /已签到/);
  await screenshot(clerk, 'staff-appointments-zh-CN');
  await assertAccessible(clerk, 'staff appointments');

  // Two windows at once: this one still shows 王 as expected when the other checks him in.
  const thirdId = await bookFor('13800000006', '2025-09-26T06:00:00.000Z'); // 赵敏, 14:00
  await clerk.getByRole('button', { name: '后一天' }).click();
  await clerk.getByRole('button', { name: '前一天' }).click();
  const zhao = clerk.getByRole('row', { name: /赵\*/ });
  await zhao.getByRole('button', { name: '签到' }).waitFor();
  const again = await p.call('POST', `/api/v1/staff/appointments/${thirdId}/check-in`, {
    token: await p.staffToken('clerk-110105'),
  });
  assert.equal(again.statusCode, 200, again.body);
  await zhao.getByRole('button', { name: '签到' }).click();
  await clerk.getByRole('alert').getByText('此预约已签到，不能重复签到。').waitFor();
  await zhao.getByText('已签到').waitFor();
  await screenshot(clerk, 'staff-appointments-conflict-zh-CN');

  await li.getByRole('button', { name: '签到' }).click();
  await clerk.getByText('李*（11:30）已签到。').waitFor();
  await li.getByText('已签到').waitFor();
  assert.deepEqual(watchClerk.problems, []);
});

async function bookFor(phone: string, start: string): Promise<string> {
  const booked = await p.call('POST', '/api/v1/appointments', {
    token: await p.residentToken(phone),
    body: { stationId: STATION.id, start, purpose: 'application' },
  });
  assert.equal(booked.statusCode, 201, booked.body);
  return booked.json<{ id: string }>().id;
}
