// Issue 6, the wallet's forms and pages beyond the first journey, in Chromium: applying for a
// residence permit (basis, declared months, three materials) where nothing typed is lost on a
// reload or a dropped network and the server's refusal shows next to the field it concerns; the
// endorsement the 已暂停 / 即将需签注 chip leads to; a change of address with the districts and streets
// named in English; a replacement; 谁查看了我的证件 after an anonymous check; and the agent's view of a
// ward's cards. One server for the file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeTestIdNumber } from '../../src/domain/identity/id-number.fixtures.ts';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';
import { letterPdf, photoPng, readQr, signIn } from '../support/wallet-page.ts';

let p: BrowserPlatform;
before(async () => {
  p = await startBrowserPlatform();
});
after(() => p?.close());

// 周杰 (demo 13800000008) holds no card; he is his young sibling's agent.
const ZHOU = { phone: '13800000008', name: '周杰', idNumber: makeTestIdNumber('440103', '2000-03-30', 8) };
const WARD = { name: '周小雨', idNumber: makeTestIdNumber('440103', '2016-08-08', 22) };

/** A new code for the same phone may be asked a minute after the last: move both clocks on. */
const newPage = async () => {
  p.clock.advance(61_000);
  const context = await p.newContext();
  const page = await context.newPage();
  await page.clock.install({ time: p.clock.now() });
  return { context, page, watch: watchPage(page, p.origin) };
};

test("the agent sees a ward's cards apart, marked as the ward's", async () => {
  const clerk = await p.staffToken('clerk-110108');
  const taken = await p.call('POST', '/api/v1/staff/applications', {
    token: clerk,
    body: {
      type: 'registration_card',
      address: { districtCode: '110108', street: '110108015', detail: '中关村南大街 5 号 2 号楼 303' },
      applicant: WARD,
      materialsChecked: ['photo', 'proof_of_address'],
      proxy: {
        agent: { name: ZHOU.name, idNumber: ZHOU.idNumber },
        relation: 'sibling',
        reason: 'minor',
        documentsChecked: ['agent_id', 'proof_of_relationship'],
      },
    },
  });
  assert.equal(taken.statusCode, 201, taken.body);
  const approved = await p.call('POST', `/api/v1/staff/applications/${taken.json().id}/decision`, {
    token: await p.staffToken('officer-110108'),
    body: { decision: 'approve' },
  });
  assert.equal(approved.statusCode, 200, approved.body);

  const { context, page, watch } = await newPage();
  await signIn(page, p, ZHOU.phone);
  const wards = page.getByRole('region', { name: '我代办的证件' });
  await wards.waitFor();
  // The name masked as everywhere a card is listed: the first character kept, the others hidden.
  await wards.getByText('代办：周**（兄弟姐妹）').waitFor();
  assert.equal(await page.locator('.jz-card-ward').count(), 1, 'the one ward card is framed apart');
  assert.equal(
    await wards.getByRole('button', { name: /^变更地址/ }).count(),
    0,
    "no forms for a ward's card",
  );
  await screenshot(page, 'wallet-ward-zh');
  await assertAccessible(page, 'wallet ward cards');
  assert.deepEqual(watch.problems, []);
  await context.close();
});

test('a residence permit application survives a reload and a dropped network; the refusal sits by its field', async () => {
  const { context, page, watch } = await newPage();
  await signIn(page, p, ZHOU.phone);
  await page.getByRole('tab', { name: '我的申请' }).click();
  await page.getByRole('button', { name: '申领居住证' }).click();
  await page.getByRole('heading', { name: '申领居住证' }).waitFor();
  await page.getByLabel('申领依据').selectOption('employment');
  await page.getByLabel('居住地所在区').selectOption('110108');
  const street = page.getByLabel('街道（乡镇）');
  await street.locator('option', { hasText: '中关村街道' }).waitFor({ state: 'attached' });
  await street.selectOption({ label: '中关村街道' });
  await page.getByLabel('详细地址').fill('中关村南大街 5 号 2 号楼 303');
  await page.getByTestId('material-photo-file').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: photoPng(),
  });

  await page.getByText('已选：me.png').waitFor();
  // A reload keeps what was typed and says which file to choose again; the ID photo is not kept.
  await page.reload();
  await page.getByRole('heading', { name: '申领居住证' }).waitFor();
  assert.equal(await page.getByLabel('申领依据').inputValue(), 'employment');
  // The districts are asked for again after the reload; the kept choice shows once they are there.
  await page.getByLabel('居住地所在区').locator('option[value="110108"]').waitFor({ state: 'attached' });
  assert.equal(await page.getByLabel('居住地所在区').inputValue(), '110108');
  await page
    .getByLabel('街道（乡镇）')
    .locator('option', { hasText: '中关村街道' })
    .waitFor({ state: 'attached' });
  assert.equal(await page.getByLabel('街道（乡镇）').locator('option:checked').innerText(), '中关村街道');
  assert.equal(await page.getByLabel('详细地址').inputValue(), '中关村南大街 5 号 2 号楼 303');
  await page.getByText('刷新后请重新选择文件（上次选的是 me.png）').waitFor();
  const stored = await page.evaluate(() => ({
    session: JSON.stringify(sessionStorage),
    local: JSON.stringify(localStorage),
  }));
  assert.ok(stored.session.includes('中关村南大街'), 'the draft is in sessionStorage');
  assert.ok(!stored.session.includes('base64') && stored.session.length < 2000, 'no file content kept');
  assert.ok(!stored.local.includes('中关村南大街'), 'nothing typed in localStorage');

  await page.getByTestId('material-photo-file').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: photoPng(),
  });
  await page.getByTestId('material-proof_of_address-file').setInputFiles({
    name: 'lease.pdf',
    mimeType: 'application/pdf',
    buffer: letterPdf(),
  });
  await page.getByTestId('material-proof_of_basis-file').setInputFiles({
    name: 'contract.pdf',
    mimeType: 'application/pdf',
    buffer: letterPdf(),
  });

  // The network drops: the page says so and offers a retry; nothing typed is lost.
  await context.setOffline(true);
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('网络连接失败').waitFor();
  assert.equal(await page.getByLabel('详细地址').inputValue(), '中关村南大街 5 号 2 号楼 303');
  await context.setOffline(false);

  // 周杰 has held no registration card: the refusal goes next to the months he may declare.
  await page.getByRole('button', { name: '重试' }).click();
  const monthsError = page.locator('#apply-months-error');
  await monthsError.waitFor();
  assert.match(await monthsError.innerText(), /6个月/);
  await screenshot(page, 'wallet-permit-refused-zh');
  await page.getByLabel(/已连续缴纳社会保险/).fill('14');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('申请已提交').waitFor();
  await page.getByRole('heading', { name: '申领居住证' }).waitFor();
  const left = await page.evaluate(() => JSON.stringify(sessionStorage));
  assert.ok(!left.includes('中关村南大街'), 'the draft is gone once sent');
  await assertAccessible(page, 'wallet applications after a permit application');
  assert.deepEqual(
    watch.problems.filter((x) => !x.includes('ERR_INTERNET_DISCONNECTED')),
    [],
  );
  await context.close();
});

test('a suspended permit leads to its endorsement, sent without materials', async () => {
  const { context, page, watch } = await newPage();
  await signIn(page, p, '13800000003');
  await page.locator('.jz-chip', { hasText: '已暂停' }).waitFor();
  await page.getByRole('button', { name: /^办理签注/ }).click();
  await page.getByRole('heading', { name: '居住证签注' }).waitFor();
  await page.getByText('签注免费').waitFor();
  await screenshot(page, 'wallet-endorse-zh');
  await assertAccessible(page, 'wallet endorsement form');
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('申请已提交').waitFor();
  await page.getByRole('heading', { name: '签注' }).waitFor();

  // A draft left behind is forgotten on signing out: the next person on this phone finds none.
  await page.getByRole('tab', { name: '全部电子证照' }).click();
  await page.getByRole('button', { name: /^变更地址/ }).click();
  await page.getByLabel('详细地址').fill('学院路 30 号');
  await page.getByRole('button', { name: '返回，不提交' }).click();
  assert.ok((await page.evaluate(() => JSON.stringify(sessionStorage))).includes('学院路'));
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('手机号码').waitFor();
  assert.ok(!(await page.evaluate(() => JSON.stringify(sessionStorage))).includes('学院路'));
  assert.deepEqual(watch.problems, []);
  await context.close();
});

test('in English: a change of address names districts and streets in pinyin; a replacement; who checked', async () => {
  const { context, page, watch } = await newPage();
  await signIn(page, p, '13800000001');
  await page.getByLabel('语言').selectOption('en');

  // An anonymous check of the card, for the access log below.
  await page
    .getByRole('button', { name: /^Show QR code/ })
    .first()
    .click();
  await page.locator('img.jz-qr').waitFor();
  const code = readQr(await page.screenshot());
  assert.equal((await p.call('POST', '/api/v1/verify', { body: { code } })).json().result, 'valid');
  await page.getByRole('button', { name: /Back/ }).click();

  await page.getByRole('button', { name: /^Change address/ }).click();
  await page.getByRole('heading', { name: 'Change of address' }).waitFor();
  await page.getByLabel('District').selectOption({ label: 'Haidian District' });
  const street = page.getByLabel('Street or township');
  await street.locator('option', { hasText: 'Zhongguancun Subdistrict' }).waitFor({ state: 'attached' });
  await street.selectOption({ label: 'Zhongguancun Subdistrict' });
  await page.getByLabel('Address', { exact: true }).fill('Zhongguancun South St 5, bldg 2, room 303');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await page.locator('#material-proof_of_address-error', { hasText: 'Please add this material' }).waitFor();
  await page.getByTestId('material-proof_of_address-file').setInputFiles({
    name: 'lease.pdf',
    mimeType: 'application/pdf',
    buffer: letterPdf(),
  });
  await screenshot(page, 'wallet-change-en');
  await assertAccessible(page, 'wallet change form en');
  await page.getByRole('button', { name: 'Submit application' }).click();
  await page.getByText('Application submitted').waitFor();

  await page.getByRole('tab', { name: 'All my cards' }).click();
  await page.getByRole('button', { name: /^Replace \(lost or damaged\)/ }).click();
  await page.getByRole('heading', { name: 'Replace a lost or damaged card' }).waitFor();
  await page.getByTestId('material-photo-file').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: photoPng(),
  });
  await page.getByRole('button', { name: 'Submit application' }).click();
  await page.getByText('Application submitted').waitFor();

  await page.getByRole('tab', { name: 'Who checked' }).click();
  const log = page.getByRole('list', { name: 'Who checked my cards' });
  await log.getByText('An anonymous verifier').first().waitFor();
  await log.getByText('shown as valid').first().waitFor();
  await log.getByText('saw the public details only').first().waitFor();
  await screenshot(page, 'wallet-access-log-en');
  await assertAccessible(page, 'wallet access log en');
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByRole('heading', { name: '谁查看了我的证件' }).waitFor();
  await page.getByText('一位匿名查验者').first().waitFor();
  await screenshot(page, 'wallet-access-log-zh');
  await page.getByLabel('语言').selectOption('es');
  await page.getByText('Un verificador anónimo').first().waitFor();
  assert.deepEqual(watch.problems, []);
  await context.close();
});

// Last in the file: it moves the platform's clock on by months.
test('the 即将需签注 chip leads to the endorsement once its window opens', async () => {
  p.clock.advance(61_000); // a new code for the phone a minute after the page's
  const token = await p.residentToken('13800000001');
  const [permit] = (await p.call('GET', '/api/v1/me/cards', { token })).json<
    { kind: string; endorsementDueOn: string | null }[]
  >();
  assert.equal(permit?.kind, 'residence_permit');
  // A week before the anniversary: the window (a month before to a month after) is open.
  const inWindow = new Date(`${permit.endorsementDueOn}T10:00:00+08:00`).getTime() - 7 * 86_400_000;
  assert.ok(inWindow > p.clock.now().getTime(), 'the window opens after the demo day');
  p.clock.advance(inWindow - p.clock.now().getTime());

  const { context, page, watch } = await newPage();
  await signIn(page, p, '13800000001');
  await page.locator('.jz-chip', { hasText: '即将需签注' }).waitFor();
  await page.getByRole('button', { name: /^办理签注/ }).click();
  await page.getByRole('heading', { name: '居住证签注' }).waitFor();
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('申请已提交').waitFor();
  await page.getByRole('heading', { name: '签注' }).waitFor();
  assert.deepEqual(watch.problems, []);
  await context.close();
});
