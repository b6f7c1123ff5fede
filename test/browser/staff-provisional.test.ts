// Late December 2026, the 2027 holidays not published (docs/calendar.md): a change of address
// approved on 28 December creates a verification visit whose 5 working days reach into 2027, so its
// due date is counted on the provisional calendar. The community police's visits list marks it
// "暂定" with the reason in a tooltip, in Chinese, English and Spanish; the officer's queue marks an
// application's due date the same way.
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
import { photo, proofOfAddress } from '../support/test-app.ts';
import { makeTestIdNumber } from '../../src/domain/identity/id-number.fixtures.ts';

const NEW_ADDRESS = '建国路 66 号 2 号楼 808';

let p: BrowserPlatform;
before(async () => {
  p = await startBrowserPlatform({ at: '2026-12-28T10:00:00+08:00' });
  const holder = await p.residentToken('13800000002'); // 李娜, a registration card of 朝阳 (110105)
  const [card] = (await p.call('GET', '/api/v1/me/cards', { token: holder })).json<{ id: string }[]>();
  assert.ok(card);
  const applied = await p.call('POST', '/api/v1/applications', {
    token: holder,
    body: {
      type: 'change',
      cardId: card.id,
      address: { districtCode: '110105', street: '110105001', detail: NEW_ADDRESS },
      materials: [proofOfAddress],
    },
  });
  assert.equal(applied.statusCode, 201, applied.body);
  assert.equal(applied.json().dueByProvisional, true, 'the application is due in 2027');
  const approved = await p.call('POST', `/api/v1/staff/applications/${applied.json().id}/decision`, {
    token: await p.staffToken('officer-110105'),
    body: { decision: 'approve' },
  });
  assert.equal(approved.statusCode, 200, approved.body);
});
after(() => p?.close());

screenshotFailures();

test('the visits list marks a provisional due date, with the reason, in three languages', async () => {
  const police = await (await p.newContext(desk)).newPage();
  await police.clock.install({ time: p.clock.now() });
  const watch = watchPage(police, p.origin);
  await signInStaff(police, 'police-110105');
  await police.getByRole('heading', { name: '核查走访', level: 2 }).waitFor();
  const row = police.getByRole('row', { name: new RegExp(NEW_ADDRESS) });
  await row.waitFor();
  const mark = row.getByText('暂定', { exact: true });
  await mark.waitFor();
  await mark.hover();
  const tip = police.getByRole('tooltip');
  await tip.getByText('该年度官方节假日安排尚未公布').waitFor();
  // The same reason for a keyboard or screen reader: the mark's accessible description.
  const described = await police.evaluate(() => {
    const tag = document.querySelector('.jz-tag-provisional');
    const id = tag?.getAttribute('aria-describedby') ?? '';
    return document.getElementById(id)?.textContent ?? '';
  });
  assert.match(described, /暂定日历/);
  await screenshot(police, 'staff-visits-provisional-zh-CN');
  await assertAccessible(police, 'visits page with a provisional due date');

  await police.getByLabel('语言').selectOption('en');
  await police.getByRole('heading', { name: 'Verification visits', level: 2 }).waitFor();
  const enMark = police
    .getByRole('row', { name: new RegExp(NEW_ADDRESS) })
    .getByText('provisional', { exact: true });
  await enMark.hover();
  await police
    .getByRole('tooltip')
    .getByText(/counted on a provisional calendar/)
    .waitFor();
  await screenshot(police, 'staff-visits-provisional-en');

  await police.getByLabel('Language').selectOption('es');
  await police.getByRole('heading', { name: 'Visitas de verificación', level: 2 }).waitFor();
  const esMark = police
    .getByRole('row', { name: new RegExp(NEW_ADDRESS) })
    .getByText('provisional', { exact: true });
  await esMark.hover();
  await police
    .getByRole('tooltip')
    .getByText(/calendario provisional/)
    .waitFor();
  await screenshot(police, 'staff-visits-provisional-es');
  assert.deepEqual(watch.problems, []);
});

test("the officer's queue marks an application's provisional due date", async () => {
  const resident = await p.residentToken('13700000411');
  await p.call('PUT', '/api/v1/me/identity', {
    token: resident,
    body: { name: '岁末', idNumber: makeTestIdNumber('110105', '1990-03-03', 41) },
  });
  const applied = await p.call('POST', '/api/v1/applications', {
    token: resident,
    body: {
      type: 'registration_card',
      address: { districtCode: '110105', street: '110105001', detail: '建国路 12 号' },
      materials: [photo, proofOfAddress],
    },
  });
  assert.equal(applied.json().dueByProvisional, true, applied.body);
  const officer = await (await p.newContext(desk)).newPage();
  await officer.clock.install({ time: p.clock.now() });
  const watch = watchPage(officer, p.origin);
  await signInStaff(officer, 'officer-110105');
  await officer.getByRole('heading', { name: '待办队列', level: 2 }).waitFor();
  await officer.getByRole('row', { name: /岁末/ }).getByText('暂定', { exact: true }).waitFor();
  await screenshot(officer, 'staff-queue-provisional-zh-CN');
  assert.deepEqual(watch.problems, []);
});
