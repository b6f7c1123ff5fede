// Verification visits in the staff console, in Chromium (R14): a change of address made through
// the API creates a visit for the community police of the new street; police-110105 finds it on
// the visits page (their landing place), records "mismatch" with a note; officer-110105 finds it
// in the review queue and revokes the card from it; a display code shown before then verifies as
// revoked, and the holder sees the reason.
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
import { moveLiNa } from '../support/move-li-na.ts';

const NEW_ADDRESS = '建国路 88 号 3 号楼 1201';

let p: BrowserPlatform;
let holder = '';
let code = '';
let cardId = '';
before(async () => {
  // The browser keeps a cookie until its Expires by its own clock: the server's clock must be today.
  p = await startBrowserPlatform({ at: new Date().toISOString() });
  ({ token: holder, cardId } = await moveLiNa(p, NEW_ADDRESS));
  const shown = await p.call('POST', `/api/v1/cards/${cardId}/display-codes`, { token: holder, body: {} });
  assert.equal(shown.statusCode, 201, shown.body);
  code = shown.json().code;
});
after(() => p?.close());

screenshotFailures();

test('the community police record a mismatch; the officer revokes the card from the visit', async () => {
  const police = await (await p.newContext(desk)).newPage();
  const watchPolice = watchPage(police, p.origin);
  await signInStaff(police, 'police-110105');
  await police.getByRole('heading', { name: '核查走访', level: 2 }).waitFor();
  const row = police.getByRole('row', { name: new RegExp(NEW_ADDRESS) });
  await row.waitFor();
  const text = (await row.textContent()) ?? '';
  assert.match(text, /李娜/);
  assert.match(text, /地址变更/);
  assert.match(text, /待核查/);
  assert.match(text, /5 个工作日|个工作日/, 'working days left are shown');
  await screenshot(police, 'staff-visits-police-zh-CN');
  await assertAccessible(police, 'visits page (community police)');

  await row.getByRole('button', { name: '登记核查结果' }).click();
  const dialog = police.getByRole('dialog', { name: '登记核查结果' });
  await dialog.waitFor();
  await dialog.getByLabel('信息不符').check();
  const save = dialog.getByRole('button', { name: '保存' });
  assert.equal(await save.isDisabled(), true, 'a mismatch needs a note');
  await dialog.getByLabel('情况说明（必填）').fill('1201 室住户为他人，称不认识持证人');
  await save.click();
  await police.getByText('核查结果已登记。').waitFor();
  // Only open visits are listed for the police by default: the recorded one has left the list.
  await row.waitFor({ state: 'detached' });
  assert.deepEqual(watchPolice.problems, []);

  const officer = await (await p.newContext(desk)).newPage();
  const watchOfficer = watchPage(officer, p.origin);
  await signInStaff(officer, 'officer-110105');
  await officer.getByRole('heading', { name: '待办队列', level: 2 }).waitFor();
  await officer.getByRole('navigation').getByText('核查走访').click();
  await officer.getByRole('heading', { name: '核查走访', level: 2 }).waitFor();
  await officer.getByRole('tab', { name: '待复核' }).waitFor();
  const doubtful = officer.getByRole('row', { name: new RegExp(NEW_ADDRESS) });
  await doubtful.waitFor();
  assert.match((await doubtful.textContent()) ?? '', /信息不符/);
  await screenshot(officer, 'staff-visits-review-zh-CN');
  await assertAccessible(officer, 'visits review queue');
  await doubtful.getByRole('button', { name: '复核' }).click();
  const review = officer.getByRole('dialog', { name: '复核' });
  await review.waitFor();
  await review.getByText('1201 室住户为他人，称不认识持证人').waitFor();
  await review.getByLabel('注销证件').check();
  await review.getByLabel('注销原因（持证人可见）').fill('社区民警核查：申报地址无此人居住');
  await review.getByRole('button', { name: '确认' }).click();
  await officer.getByText('证件已注销，持证人可看到注销原因。').waitFor();
  await officer.getByText('没有待复核的核查。').waitFor();
  assert.deepEqual(watchOfficer.problems, []);

  const verdict = await p.call('POST', '/api/v1/verify', { body: { code } });
  assert.equal(verdict.json().result, 'revoked');
  const mine = (await p.call('GET', '/api/v1/me/cards?all=true', { token: holder })).json<
    { id: string; status: string; revokedReason: string | null }[]
  >();
  const card = mine.find((c) => c.id === cardId);
  assert.deepEqual([card?.status, card?.revokedReason], ['revoked', '社区民警核查：申报地址无此人居住']);

  // The same page in English, for the README.
  await officer.getByRole('tab', { name: '核查任务' }).click();
  await officer.getByLabel('语言').selectOption('en');
  await officer.getByRole('heading', { name: 'Verification visits', level: 2 }).waitFor();
  await officer.getByRole('row', { name: /Card revoked/ }).waitFor();
  await officer.getByText('Card revoked; the holder sees the reason.').waitFor();
  await officer.waitForFunction(() => document.getAnimations().length === 0);
  await screenshot(officer, 'staff-visits-en');
});
