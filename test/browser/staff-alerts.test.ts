// The station's overdue alerts in the staff console, in Chromium: two weeks after the demo's
// visits were created (5 working days each) and an application was made (8), the morning jobs
// alert the station. police-110105 sees the count in the navigation, opens the alerts page, follows
// an alert to its visit and records it; the alert is then marked dealt with and the count drops.
// officer-110105 sees the overdue application's alert and opens the application from it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { applyAsNewcomer } from '../support/apply-as-newcomer.ts';
import { desk, screenshotFailures, signInStaff } from '../support/staff-page.ts';
import { createJobRunner } from '../../src/services/jobs/runner.ts';
import { platformJobs } from '../../src/services/jobs/platform-jobs.ts';
import type { AlertPage } from '../../src/http/schemas/alerts.ts';

const DAY = 86_400_000;

let p: BrowserPlatform;
let applicationId = '';
before(async () => {
  // The browser keeps a cookie until its Expires by its own clock: the server's clock starts today.
  p = await startBrowserPlatform({ at: new Date().toISOString() });
  const { application } = await applyAsNewcomer(p, {
    phone: '13700000301',
    name: '逾期',
    id: ['110101', '1992-02-02', 71],
    detail: '建国路 7 号',
  });
  applicationId = application.id;
  // Three weeks on (past any holiday's 8 working days), the morning jobs run.
  p.clock.advance(21 * DAY);
  const runner = createJobRunner(p.ctx, platformJobs, { id: 'browser-alerts' });
  for (const job of ['overdue-review-alerts', 'overdue-visit-alerts']) {
    const run = await runner.runNow(job);
    assert.equal(run.error, undefined, run.error);
  }
});
after(() => p?.close());

screenshotFailures();
const openCount = async (username: string) =>
  (
    await p.call('GET', '/api/v1/staff/alerts?limit=1', { token: await p.staffToken(username) })
  ).json<AlertPage>().open;

test('community police follow an overdue alert to its visit and record it; the count drops', async () => {
  const before = await openCount('police-110105');
  assert.ok(before >= 2, `the demo's visits are overdue: ${before}`);
  const police = await (await p.newContext(desk)).newPage();
  const watch = watchPage(police, p.origin);
  await signInStaff(police, 'police-110105');
  const nav = police.getByRole('navigation');
  await nav.getByTitle(`${before} 条待处理提醒`).waitFor();
  await nav.getByText('逾期提醒').click();
  await police.getByRole('heading', { name: '逾期提醒', level: 2 }).waitFor();
  await police.getByText(`共 ${before} 条提醒，其中 ${before} 条待处理`).waitFor();
  const rows = police.getByRole('row', { name: /入户核查已超过核查期限/ });
  await rows.first().waitFor();
  assert.match((await rows.first().textContent()) ?? '', /待处理/);
  await screenshot(police, 'staff-alerts-police-zh-CN');
  await assertAccessible(police, 'alerts page (community police)');

  await rows.first().getByRole('link', { name: '打开入户核查' }).click();
  await police.getByRole('heading', { name: '入户核查', level: 2 }).waitFor();
  await police.getByText('已逾期').waitFor();
  await police.getByRole('button', { name: '登记核查结果' }).click();
  const dialog = police.getByRole('dialog', { name: '登记核查结果' });
  await dialog.getByLabel('核实无误').check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await police.getByText('核查结果已登记。').waitFor();
  await screenshot(police, 'staff-alert-visit-recorded-zh-CN');

  await nav.getByTitle(`${before - 1} 条待处理提醒`).waitFor();
  await nav.getByText('逾期提醒').click();
  await police.getByText(`共 ${before} 条提醒，其中 ${before - 1} 条待处理`).waitFor();
  await police.getByRole('row', { name: /已处理/ }).waitFor();
  assert.deepEqual(watch.problems, []);
});

test("an officer opens the overdue application from the station's alert, in Spanish too", async () => {
  const officer = await (await p.newContext(desk)).newPage();
  const watch = watchPage(officer, p.origin);
  await signInStaff(officer, 'officer-110105');
  await officer.getByRole('heading', { name: '待办队列', level: 2 }).waitFor();
  await officer.getByRole('navigation').getByText('逾期提醒').click();
  // Named as the queue names it: the applicant, the kind and the day accepted; never its id.
  const row = officer.getByRole('row', { name: /逾期的居住登记卡申请（\d+年\d+月\d+日受理）已超过办结期限/ });
  await row.waitFor();
  assert.doesNotMatch((await row.textContent()) ?? '', new RegExp(applicationId));
  await officer.getByLabel('语言').selectOption('es');
  await officer.getByRole('heading', { name: 'Avisos de retraso', level: 2 }).waitFor();
  const esRow = officer.getByRole('row', {
    name: /La solicitud de tarjeta de registro de 逾期, aceptada el \d+\/\d+\/\d+, ha superado su plazo/,
  });
  await esRow.waitFor();
  await officer.waitForFunction(() => document.getAnimations().length === 0);
  await screenshot(officer, 'staff-alerts-officer-es');
  await esRow.getByRole('link', { name: 'Abrir la solicitud' }).click();
  await officer.waitForURL(new RegExp(`#/applications/${applicationId}$`));
  await officer.getByText('逾期', { exact: false }).first().waitFor();
  assert.deepEqual(watch.problems, []);
});
