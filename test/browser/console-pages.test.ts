// The console's other places in Chromium (issue 7, tests 3 and 5, and axe on each page): a clerk
// takes a walk-in application for a minor brought by a parent, with no power of attorney asked
// because the ID number says the child is under 16; after an officer approves, the parent's wallet
// lists the child's card. An officer finds that card, sees its versions and revokes it with a
// reason the holder reads. The statistics page shows the figures the API and the database hold.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { desk, screenshotFailures, signInStaff } from '../support/staff-page.ts';
import { makeTestIdNumber } from '../../src/domain/identity/id-number.fixtures.ts';
import { addDays, beijingDate, startOfBeijingDate } from '../../src/domain/beijing-date.ts';
import { applications } from '../../src/db/schema/index.ts';
import type { Statistics } from '../../src/http/schemas/statistics.ts';

const HOME = '110105';
const today = beijingDate(new Date());
const parent = {
  phone: '13912340088',
  name: '韩立新',
  idNumber: makeTestIdNumber('340104', '1985-03-02', 31),
};
// Ten years old today: under 16 whatever the date.
const child = {
  name: '韩小雨',
  idNumber: makeTestIdNumber('340104', addDays(today, -(10 * 365 + 40)), 62),
};

let p: BrowserPlatform;
let parentToken = '';
let childCardId = '';
before(async () => {
  // The browser keeps a cookie until its Expires by its own clock: the server's clock must be today.
  p = await startBrowserPlatform({ at: new Date().toISOString() });
  parentToken = await p.residentToken(parent.phone);
  const bound = await p.call('PUT', '/api/v1/me/identity', {
    token: parentToken,
    body: { name: parent.name, idNumber: parent.idNumber },
  });
  assert.equal(bound.statusCode, 200, bound.body);
});
after(() => p?.close());

screenshotFailures();

async function signIn(page: Page, username: string): Promise<void> {
  await signInStaff(page, username);
  await page.getByRole('heading', { name: '待办队列', level: 2 }).waitFor();
}

/** Picks an option of an antd Select found by its label, by typing and Enter (keyboard only). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const box = page.getByLabel(label, { exact: true });
  await box.focus();
  await page.keyboard.press('Enter');
  await box.fill(option);
  // antd keeps a hidden listbox for screen readers; the visible list is its own.
  await page.locator(`.ant-select-item-option-active[title="${option}"]`).waitFor();
  await page.keyboard.press('Enter');
}

test('a clerk takes a walk-in application for a child with a parent; after approval the parent’s wallet lists the child’s card', async () => {
  const context = await p.newContext(desk);
  const page = await context.newPage();
  const watch = watchPage(page, p.origin);
  await signIn(page, `clerk-${HOME}`);
  await page.getByRole('menuitem', { name: '窗口受理' }).click();
  await page.getByRole('heading', { name: '窗口受理', level: 2 }).waitFor();

  await page.getByLabel('姓名', { exact: true }).fill(child.name);
  await page.getByLabel('身份证号', { exact: true }).fill(child.idNumber);
  await page.getByText(/10 周岁/).waitFor();
  await choose(page, '街道', '建外街道');
  await page.getByLabel('详细地址').fill('建国路 88 号 5 号楼 302');
  await page.getByRole('group', { name: '已核验的纸质材料' }).getByLabel('照片').check();
  await page.getByRole('group', { name: '已核验的纸质材料' }).getByLabel('住所证明').check();
  await page.getByLabel('由监护人或近亲属代为申领').check();
  await page.getByLabel('代办人姓名').fill(parent.name);
  await page.getByLabel('代办人身份证号').fill(parent.idNumber);
  await choose(page, '与申请人关系', '父母');
  // Under 16 by the birth date in the ID number: the reason is set and no power of attorney is asked.
  await page.getByText('未满 16 周岁（按身份证号码中的出生日期计算），无需委托书').waitFor();
  const documents = page.getByRole('group', { name: '已核验证件' });
  const offered = await documents
    .getByRole('checkbox')
    .evaluateAll((els) => els.map((e) => e.closest('label')?.textContent?.trim()));
  assert.deepEqual(offered, ['代办人身份证', '关系证明']);
  // Accepting before the documents are checked: the server refuses and the page names each in words.
  await page.getByRole('button', { name: '受理申请' }).click();
  await page.getByRole('alert').getByText('尚未核验：代办人身份证、关系证明。').waitFor();
  await documents.getByLabel('代办人身份证').check();
  await documents.getByLabel('关系证明').check();
  await screenshot(page, 'staff-intake-zh-CN');
  await assertAccessible(page, 'window intake');
  await page.getByRole('button', { name: '受理申请' }).click();
  await page.getByText(/已受理，办结期限/).waitFor();
  await page.getByRole('link', { name: '查看申请' }).click();
  await page.getByRole('heading', { name: new RegExp(`申请详情 · ${child.name}`), level: 2 }).waitFor();
  await page.getByText(parent.name).waitFor();
  const id = /#\/applications\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  assert.ok(id, 'the page opened the new application');
  assert.deepEqual(watch.problems, []);
  await context.close();

  const officer = await p.staffToken(`officer-${HOME}`);
  const approved = await p.call('POST', `/api/v1/staff/applications/${id}/decision`, {
    token: officer,
    body: { decision: 'approve' },
  });
  assert.equal(approved.statusCode, 200, approved.body);
  childCardId = (await p.call('GET', `/api/v1/staff/applications/${id}`, { token: officer })).json()
    .issuedCardId;
  assert.ok(childCardId, 'a card was issued');
  const wallet = (await p.call('GET', '/api/v1/me/cards', { token: parentToken })).json();
  assert.equal(wallet.length, 1, 'the parent holds no card of their own, only the child’s');
  assert.equal(wallet[0].id, childCardId);
  assert.equal(wallet[0].ward?.name, '韩**', 'the ward, named as the wallet masks names');
  assert.equal(wallet[0].ward?.relation, 'parent');
  assert.equal(wallet[0].status, 'valid');
});

test('an officer finds the card by the holder’s name, sees its versions and revokes it with a reason', async () => {
  const context = await p.newContext(desk);
  const page = await context.newPage();
  const watch = watchPage(page, p.origin);
  await signIn(page, `officer-${HOME}`);
  await page.getByRole('menuitem', { name: '证件查询' }).click();
  await page.getByLabel('查找证件').fill(child.name);
  const answered = page.waitForResponse(
    (r) => r.url().includes('/api/v1/staff/cards?') && r.url().includes('q='),
  );
  await page.getByLabel('查找证件').press('Enter');
  await answered;
  await page.getByText('共 1 件').waitFor();
  const row = page.getByRole('row', { name: new RegExp(child.name) });
  await row.waitFor();
  await assertAccessible(page, 'card search');
  await row.getByRole('link').click();
  await page.getByRole('heading', { name: /证件详情 · / }).waitFor();
  const versions = page.locator('.ant-card', { has: page.getByRole('heading', { name: '各版本' }) });
  assert.equal(await versions.locator('tbody tr').count(), 1);
  await page.getByRole('button', { name: '注销证件' }).click();
  const dialog = page.getByRole('dialog', { name: '注销证件' });
  await dialog.getByLabel('注销原因（持证人可见）').fill('申报住址不实。');
  await dialog.getByRole('button', { name: '确认' }).click();
  await page.getByText('证件已注销。').waitFor();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('.ant-descriptions-item-content', { hasText: '申报住址不实。' }).waitFor();
  await screenshot(page, 'staff-card-zh-CN');
  await assertAccessible(page, 'card detail');
  assert.equal(await page.getByRole('button', { name: '注销证件' }).count(), 0);
  assert.deepEqual(watch.problems, []);
  await context.close();

  const wallet = (await p.call('GET', '/api/v1/me/cards?all=true', { token: parentToken })).json();
  const card = wallet.find((c: { id: string }) => c.id === childCardId);
  assert.equal(card?.status, 'revoked');
  assert.equal(card?.revokedReason, '申报住址不实。');
});

test('the statistics page shows the figures the API and the database hold for the chosen period', async () => {
  const from = addDays(today, -6);
  const officer = await p.staffToken(`officer-${HOME}`);
  const api = (
    await p.call('GET', `/api/v1/staff/statistics?from=${from}&to=${today}`, { token: officer })
  ).json<Statistics>();
  const [inDb] = await p.ctx.db
    .select({ n: count() })
    .from(applications)
    .where(
      and(
        eq(applications.districtCode, HOME),
        gte(applications.createdAt, startOfBeijingDate(from)),
        lt(applications.createdAt, startOfBeijingDate(addDays(today, 1))),
      ),
    );
  assert.equal(api.applications.total, inDb?.n);
  assert.ok(api.applications.total >= 1, 'the window application of this file is counted');

  const context = await p.newContext(desk);
  const page = await context.newPage();
  const watch = watchPage(page, p.origin);
  await signIn(page, `officer-${HOME}`);
  await page.getByRole('menuitem', { name: '统计' }).click();
  await page.getByRole('heading', { name: '统计', level: 2 }).waitFor();
  await page.getByLabel('起始日期').fill(from);
  await page.getByLabel('截止日期').fill(today);
  const answered = page.waitForResponse((r) => r.url().includes(`/staff/statistics?from=${from}&`));
  await page.getByRole('button', { name: '查询' }).click();
  await answered;
  // The chosen period's figures, not the default period's shown before them.
  const shownFrom = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
  }).format(new Date(`${from}T12:00:00+08:00`));
  await page
    .getByRole('status')
    .filter({ hasText: `${shownFrom} 至` })
    .waitFor();
  await page.waitForFunction(() => document.querySelectorAll('canvas').length >= 4);

  const summary = async (title: string) =>
    (
      await page.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content').textContent()
    )?.trim();
  assert.equal(await summary('期间受理申请'), String(api.applications.total));
  assert.equal(await summary('期间办结'), String(api.decidedInTime.decided));
  assert.equal(await summary('8 个工作日内办结'), String(api.decidedInTime.withinLimit));
  assert.equal(await summary('当前超期'), String(api.overdueNow));

  const table = async (id: string) =>
    page
      .locator(`[data-figures="${id}"] tbody tr.ant-table-row`)
      .evaluateAll((rows) =>
        rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')),
      );
  const statusNames: Record<string, string> = {
    submitted: '待审核',
    needs_materials: '待补正',
    resubmitted: '已补正',
    approved: '已批准',
    rejected: '不予批准',
    withdrawn: '已撤回',
    issued: '已发证',
  };
  assert.deepEqual(
    await table('by-status'),
    api.applications.byStatus.map((r) => [statusNames[r.status], String(r.count)]),
  );
  assert.deepEqual(
    (await table('by-channel')).map(([, n]) => n),
    api.applications.byChannel.map((r) => String(r.count)),
  );
  assert.deepEqual(
    await table('by-station'),
    api.decisionsByStation.map((r) => [
      r.stationName,
      String(r.approved),
      String(r.rejected),
      String(r.materialsRequested),
    ]),
  );
  assert.deepEqual(
    await table('by-week'),
    api.decisionsByWeek.map((r) => [
      r.week,
      String(r.approved),
      String(r.rejected),
      String(r.materialsRequested),
    ]),
  );
  assert.ok(
    api.decisionsByWeek.some((w) => w.approved >= 1),
    'the approval of this file is counted',
  );
  await screenshot(page, 'staff-statistics-zh-CN');
  await assertAccessible(page, 'statistics');
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('heading', { name: 'Statistics', level: 2 }).waitFor();
  assert.equal(await summary('Applications in the period'), String(api.applications.total));
  await screenshot(page, 'staff-statistics-en');
  assert.deepEqual(watch.problems, []);
  await context.close();
});

test('an administrator loads a year’s calendar from a file, changes a day with a note, manages a verifier’s keys, reads the policy and opens a station', async () => {
  const admin = await p.staffToken('admin');
  const context = await p.newContext(desk);
  const page = await context.newPage();
  const watch = watchPage(page, p.origin);
  await signInStaff(page, 'admin', '/admin');

  // The working-day calendar: a year from a file, then one day changed with a note.
  await page.getByRole('tab', { name: '工作日历' }).click();
  await page.getByLabel('年份').fill('2031');
  await page.getByLabel('年份').press('Enter');
  await page.getByText('2031 年尚未载入官方安排。').waitFor();
  await page.getByLabel('从文件载入全年安排').setInputFiles({
    name: '2031.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        year: 2031,
        daysOff: ['2031-01-01', '2031-10-01', '2031-10-02', '2031-10-03', '2031-10-06', '2031-10-07'],
        makeUpWorkingDays: ['2031-09-28', '2031-10-11'],
      }),
    ),
  });
  const load = page.getByRole('dialog', { name: '从文件载入全年安排' });
  await load.getByText('载入 2031 年安排：放假 6 天，调休上班 2 天？').waitFor();
  await load.getByRole('button', { name: '确认' }).click();
  await page.getByText('2031 年安排已载入').waitFor();
  await page.getByText('2031 年已载入官方安排。').waitFor();
  const october = (await p.call('GET', '/api/v1/admin/calendar?month=2031-10', { token: admin })).json();
  assert.equal(october.days.find((d: { date: string }) => d.date === '2031-10-06').working, false);
  assert.equal(october.days.find((d: { date: string }) => d.date === '2031-10-11').working, true);

  await page.getByLabel('日期', { exact: true }).fill('2031-06-03');
  await page.getByRole('group', { name: '调整为' }).getByLabel('休息日').check();
  await page.getByLabel('说明', { exact: true }).fill('防汛应急调休');
  const saved = page.waitForRequest((r) => r.method() === 'PUT' && r.url().includes('/calendar/overrides/'));
  await page.getByRole('button', { name: '保存调整' }).click();
  const sent = (await saved).postDataJSON() as { kind: string; note?: string };
  assert.deepEqual(sent, { kind: 'day_off', note: '防汛应急调休' }, 'the page sends the note');
  await page.getByRole('row', { name: /防汛应急调休/ }).waitFor();
  const june = (await p.call('GET', '/api/v1/admin/calendar?month=2031-06', { token: admin })).json();
  assert.deepEqual(
    june.days.find((d: { date: string }) => d.date === '2031-06-03'),
    { date: '2031-06-03', working: false, override: 'day_off', note: '防汛应急调休' },
  );
  await screenshot(page, 'admin-calendar-zh-CN');
  await assertAccessible(page, 'admin calendar');

  // A verifier organisation: registered, a key issued (shown once), then revoked.
  await page.getByRole('tab', { name: '核验单位' }).click();
  await page.getByLabel('单位名称').fill('朝阳示范科技有限公司');
  await choose(page, '类别', '用人单位');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await page.getByText('已登记 朝阳示范科技有限公司。').waitFor();
  await page.getByRole('button', { name: '签发新密钥' }).click();
  await page.getByText('新密钥如下，只显示这一次').waitFor();
  const [org] = (await p.call('GET', '/api/v1/admin/verifier-orgs', { token: admin }))
    .json()
    .filter((o: { name: string }) => o.name === '朝阳示范科技有限公司');
  const [key] = (await p.call('GET', `/api/v1/admin/verifier-orgs/${org.id}/keys`, { token: admin })).json();
  assert.equal(key.revokedAt, null);
  await assertAccessible(page, 'admin verifiers');
  await page.getByRole('button', { name: `吊销 ${key.prefix}` }).click();
  await page.getByRole('dialog', { name: '吊销密钥' }).getByRole('button', { name: '确认' }).click();
  await page.getByText(`以 ${key.prefix} 开头的密钥已吊销。`).waitFor();
  await page.getByText(/^已吊销（/).waitFor();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  const [revoked] = (
    await p.call('GET', `/api/v1/admin/verifier-orgs/${org.id}/keys`, { token: admin })
  ).json();
  assert.ok(revoked.revokedAt, 'the key is revoked');
  await screenshot(page, 'admin-verifiers-zh-CN');

  // The policy in force, read-only, with where each value comes from.
  await page.getByRole('tab', { name: '现行政策' }).click();
  const policy = (await p.call('GET', '/api/v1/admin/policy', { token: admin })).json();
  const reviewRow = page.getByRole('row', { name: /审核办结时限/ });
  const review = policy.settings.find((s: { name: string }) => s.name === 'reviewWorkingDays');
  assert.match((await reviewRow.textContent()) ?? '', new RegExp(`${review.value}.*${review.default}默认值`));
  assert.equal(await page.getByRole('table').getByRole('textbox').count(), 0, 'nothing to edit');
  await assertAccessible(page, 'admin policy');

  // A station with the streets it serves.
  await page.getByRole('tab', { name: '派出所与街道' }).click();
  await page.getByLabel('单位标识').fill('ps-110105-slt');
  await page.getByLabel('名称', { exact: true }).fill('三里屯派出所');
  await choose(page, '区', '朝阳区');
  await choose(page, '负责街道', '三里屯街道');
  await page.keyboard.press('Escape');
  await page.getByLabel('地址', { exact: true }).fill('北京市朝阳区三里屯路 1 号');
  await page.getByRole('button', { name: '新设', exact: true }).click();
  await page.getByText('已新设 三里屯派出所。').waitFor();
  // The streets it serves by name, as chosen.
  await page.getByRole('row', { name: /三里屯派出所.*三里屯街道/ }).waitFor();
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  const stations = (await p.call('GET', '/api/v1/admin/stations', { token: admin })).json();
  const opened = stations.find((s: { id: string }) => s.id === 'ps-110105-slt');
  assert.deepEqual(opened?.streetCodes, ['110105004']);
  assert.equal(opened?.districtCode, HOME);
  await screenshot(page, 'admin-stations-zh-CN');
  await assertAccessible(page, 'admin stations');
  assert.deepEqual(watch.problems, []);
  await context.close();
});
