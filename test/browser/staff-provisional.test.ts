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
import { moveLiNa } from '../support/move-li-na.ts';
import { applyAsNewcomer } from '../support/apply-as-newcomer.ts';

const NEW_ADDRESS = '建国路 66 号 2 号楼 808';

let p: BrowserPlatform;
before(async () => {
  p = await startBrowserPlatform({ at: '2026-12-28T10:00:00+08:00' });
  const { application } = await moveLiNa(p, NEW_ADDRESS);
  assert.equal(application.dueByProvisional, true, 'the change is due in 2027');
});
after(() => p?.close());

screenshotFailures();

/** The visits page in each language: its heading, the mark, and words of the reason. */
const languages = [
  { pick: null, heading: '核查走访', mark: '暂定', reason: /暂定日历/ },
  {
    pick: ['语言', 'en'],
    heading: 'Verification visits',
    mark: 'provisional',
    reason: /provisional calendar/,
  },
  {
    pick: ['Language', 'es'],
    heading: 'Visitas de verificación',
    mark: 'provisional',
    reason: /calendario provisional/,
  },
] as const;

test('the visits list marks a provisional due date, with the reason, in three languages', async () => {
  const police = await (await p.newContext(desk)).newPage();
  await police.clock.install({ time: p.clock.now() });
  const watch = watchPage(police, p.origin);
  await signInStaff(police, 'police-110105');
  // Counted down on the provisional calendar it was set on: days left, not "clock stopped".
  const row = police.getByRole('row', { name: new RegExp(NEW_ADDRESS) });
  await row.waitFor();
  assert.match((await row.textContent()) ?? '', /\d+ 个工作日/);
  assert.doesNotMatch((await row.textContent()) ?? '', /计时暂停/);
  for (const { pick, heading, mark, reason } of languages) {
    if (pick) await police.getByLabel(pick[0]).selectOption(pick[1]);
    await police.getByRole('heading', { name: heading, level: 2 }).waitFor();
    const shown = police.getByRole('row', { name: new RegExp(NEW_ADDRESS) }).getByText(mark, { exact: true });
    await shown.hover();
    await police.getByRole('tooltip').getByText(reason).waitFor();
    // The same reason for a keyboard or screen reader: the mark's accessible description.
    // (While the tooltip is open, antd adds its own id to the mark's aria-describedby list.)
    const described = await shown.evaluate((el) => {
      const ids = el.closest('[aria-describedby]')?.getAttribute('aria-describedby') ?? '';
      return ids
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    });
    assert.match(described, reason);
    await screenshot(police, `staff-visits-provisional-${pick?.[1] ?? 'zh-CN'}`);
    if (!pick) await assertAccessible(police, 'visits page with a provisional due date');
  }
  assert.deepEqual(watch.problems, []);
});

test("the officer's queue marks an application's provisional due date", async () => {
  const { application } = await applyAsNewcomer(p, {
    phone: '13700000411',
    name: '岁末',
    id: ['110105', '1990-03-03', 41],
  });
  assert.equal(application.dueByProvisional, true, 'due in 2027');
  const officer = await (await p.newContext(desk)).newPage();
  await officer.clock.install({ time: p.clock.now() });
  const watch = watchPage(officer, p.origin);
  await signInStaff(officer, 'officer-110105');
  await officer.getByRole('heading', { name: '待办队列', level: 2 }).waitFor();
  await officer.getByRole('row', { name: /岁末/ }).getByText('暂定', { exact: true }).waitFor();
  await screenshot(officer, 'staff-queue-provisional-zh-CN');
  assert.deepEqual(watch.problems, []);
});
