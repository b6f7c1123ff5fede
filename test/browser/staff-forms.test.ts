// Confirmation forms in the console, in Chromium (R9, R16): a clerk issues a form on an ID card
// (after a pasted code that is no live QR is refused next to its field), the PDF shows in the page
// and its text names the holder; an officer approves, in the console, a window applicant who has
// no phone, and the form issued with the approval waits in the clerk's "to print" list, is printed
// and marked handed over.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { desk, screenshotFailures, signInStaff } from '../support/staff-page.ts';
import { pdfText } from '../support/pdf-tools.ts';
import { makeTestIdNumber } from '../../src/domain/identity/id-number.fixtures.ts';
import { findResidentByPhone } from '../../src/db/repositories/residents.ts';
import { confirmationForms } from '../../src/db/schema/index.ts';

const NO_PHONE = { name: '韩桂芝', idNumber: makeTestIdNumber('130102', '1951-04-02', 31) };

let p: BrowserPlatform;
let applicationId = '';
before(async () => {
  p = await startBrowserPlatform();
  const taken = await p.call('POST', '/api/v1/staff/applications', {
    token: await p.staffToken('clerk-110108'),
    body: {
      type: 'registration_card',
      address: { districtCode: '110108', street: '110108015', detail: '中关村南大街 7 号 1 号楼 101' },
      applicant: NO_PHONE,
      materialsChecked: ['photo', 'proof_of_address'],
    },
  });
  assert.equal(taken.statusCode, 201, taken.body);
  applicationId = taken.json<{ id: string }>().id;
});
after(() => p?.close());

screenshotFailures();

async function signIn(username: string): Promise<Page> {
  const page = await (await p.newContext(desk)).newPage();
  await signInStaff(page, username);
  await page.getByRole('navigation').waitFor();
  return page;
}

/**
 * The PDF the page shows: its page drawn (pdf.js, into a canvas named after the form), and the
 * file its "download PDF" button saves.
 */
async function shownPdf(page: Page, serial: string): Promise<Buffer> {
  const shown = page.getByRole('region', { name: `确认单 ${serial}（PDF）` });
  const drawn = shown.getByRole('img', { name: `确认单 ${serial}（PDF）` });
  await drawn.waitFor();
  assert.equal(await drawn.evaluate((c: HTMLCanvasElement) => c.height), 3508, 'drawn at 300 dpi');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    shown.getByRole('link', { name: '下载 PDF' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `confirmation-form-${serial}.pdf`);
  return readFileSync(await download.path());
}

test('a clerk issues a form on an ID card and sees the PDF; the form issued after review is printed and handed over', async () => {
  const wang = await findResidentByPhone(p.ctx.db, p.ctx.personal, '13800000001');
  const clerk = await signIn('clerk-110108');
  const watchClerk = watchPage(clerk, p.origin);
  await clerk.getByRole('navigation').getByText('确认单').click();
  await clerk.getByRole('heading', { name: '北京市居住证（卡）确认单', level: 2 }).waitFor();
  await clerk.getByText('没有待打印的确认单。').waitFor();
  await clerk.getByLabel('持证人公民身份号码').fill(wang!.idNumber!);

  // A pasted text that is no live QR: refused by the server, said next to the code's field.
  await clerk.getByLabel('电子居住证（卡）动态二维码').check();
  await clerk.getByLabel('动态二维码内容').fill('JZ1:NOT-A-CODE');
  await clerk.getByRole('button', { name: '开具并预览' }).click();
  const refused = clerk.locator('#jz-form-code-error');
  await refused.getByText('这不是居住证（卡）的动态二维码，请重新扫描。').waitFor();
  assert.equal(await clerk.getByLabel('动态二维码内容').getAttribute('aria-invalid'), 'true');

  await clerk.getByLabel('居民身份证').check();
  await clerk.getByRole('button', { name: '开具并预览' }).click();
  const issued = clerk.getByText(/^确认单 \d{4}-\d{8} 已开具$/);
  await issued.waitFor();
  const serial = /(\d{4}-\d{8})/.exec((await issued.textContent()) ?? '')![1]!;
  const text = pdfText(await shownPdf(clerk, serial));
  assert.ok(text.includes('王小明'), 'the PDF names the holder');
  assert.ok(text.includes(serial) && text.includes('居民身份证'), 'its serial and the evidence seen');
  await clerk.getByRole('button', { name: '打印' }).first().waitFor();
  await clerk.getByRole('tab', { name: '本站已开具' }).click();
  await clerk
    .getByRole('row', { name: new RegExp(serial) })
    .getByText('王**')
    .waitFor();
  await screenshot(clerk, 'staff-form-issued-zh-CN');
  await assertAccessible(clerk, 'confirmation forms page');

  // The officer of 海淀 approves the window application of 韩桂芝, who has no phone.
  const officer = await signIn('officer-110108');
  const watchOfficer = watchPage(officer, p.origin);
  await officer.goto(`/staff#/applications/${applicationId}`);
  await officer.getByRole('heading', { name: /申请详情 · 韩桂芝/, level: 2 }).waitFor();
  await officer.getByRole('button', { name: '批准', exact: true }).click();
  await officer.getByRole('dialog', { name: '批准' }).getByRole('button', { name: '确认' }).click();
  await officer.getByText('已批准，证件已签发。').waitFor();
  assert.deepEqual(watchOfficer.problems, []);
  await clerk.getByRole('tab', { name: '待打印' }).click();
  const waiting = clerk.getByRole('row', { name: /韩\*\*/ });
  await waiting.waitFor();
  assert.match((await waiting.textContent()) ?? '', /审核通过后开具/);
  await waiting.getByRole('button', { name: '打印' }).click();
  const toPrintSerial = /(\d{4}-\d{8})/.exec((await waiting.textContent()) ?? '')![1]!;
  assert.ok(pdfText(await shownPdf(clerk, toPrintSerial)).includes(NO_PHONE.name));
  await screenshot(clerk, 'staff-forms-to-print-zh-CN');
  await waiting.getByRole('button', { name: '已交付' }).click();
  await clerk.getByText(`确认单 ${toPrintSerial} 已记为交付。`).waitFor();
  await clerk.getByText('没有待打印的确认单。').waitFor();
  assert.deepEqual(watchClerk.problems, []);
});

test('a form issued before proofs were kept says why it cannot be printed again, and a new one is issued instead', async () => {
  const li = await findResidentByPhone(p.ctx.db, p.ctx.personal, '13800000002');
  const issued = await p.call('POST', '/api/v1/staff/confirmation-forms', {
    token: await p.staffToken('clerk-110108'),
    body: { idNumber: li!.idNumber, evidence: 'household_register' },
  });
  assert.equal(issued.statusCode, 201, issued.body);
  const old = String(issued.headers['x-form-serial']);
  // What a form printed before migration 0021 looks like: its proof was not kept.
  await p.ctx.db
    .update(confirmationForms)
    .set({ proofSealed: null, plainProof: null })
    .where(eq(confirmationForms.serial, old));

  const clerk = await signIn('clerk-110108');
  const watch = watchPage(clerk, p.origin);
  await clerk.getByRole('navigation').getByText('确认单').click();
  await clerk.getByRole('tab', { name: '本站已开具' }).click();
  const row = clerk.getByRole('row', { name: new RegExp(old) });
  await row.getByText('此确认单开具于系统保存签名凭证之前，无法重新打印。').waitFor();
  assert.equal(
    await row.getByRole('button', { name: '打印' }).count(),
    0,
    'no button the server would refuse',
  );
  await screenshot(clerk, 'staff-form-not-reprintable-zh-CN');
  await assertAccessible(clerk, 'a form that cannot be printed again');

  await row.getByRole('button', { name: '开具新确认单' }).click();
  await clerk
    .getByRole('status')
    .getByText(new RegExp(`为确认单 ${old} 的持证人 李\\*（证件`))
    .waitFor();
  const idField = clerk.getByLabel('持证人公民身份号码');
  assert.equal(await idField.evaluate((el) => el === document.activeElement), true, 'the ID field has focus');
  await idField.fill(li!.idNumber!);
  await clerk.getByLabel('居民身份证').check();
  await clerk.getByRole('button', { name: '开具并预览' }).click();
  const fresh = clerk.getByText(/^确认单 \d{4}-\d{8} 已开具$/);
  await fresh.waitFor();
  const serial = /(\d{4}-\d{8})/.exec((await fresh.textContent()) ?? '')![1]!;
  assert.notEqual(serial, old);
  assert.ok(pdfText(await shownPdf(clerk, serial)).includes('李娜'), 'the new form names the holder');
  await screenshot(clerk, 'staff-form-issued-instead-zh-CN');

  // In English the row says the same.
  await clerk.getByLabel('语言').selectOption('en');
  await clerk
    .getByRole('row', { name: new RegExp(old) })
    .getByText('Issued before the platform kept its signed proof: it cannot be printed again.')
    .waitFor();
  await clerk
    .getByRole('row', { name: new RegExp(old) })
    .getByRole('button', { name: 'Issue a new form' })
    .waitFor();
  assert.deepEqual(watch.problems, []);
});
