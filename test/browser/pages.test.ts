// Every page loads in Chromium from our server alone (no script error, no CSP refusal, no other
// origin), switches language and elderly mode from its first screen and remembers both, and has
// no serious accessibility violation. The pages' own journeys build on this in their files.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertAccessible,
  screenshot,
  startBrowserPlatform,
  watchPage,
  type BrowserPlatform,
} from '../support/browser.ts';

let p: BrowserPlatform;
before(async () => {
  p = await startBrowserPlatform();
});
after(() => p?.close());

const titles = {
  wallet: { 'zh-CN': '我的电子证照', en: 'My cards', es: 'Mis tarjetas' },
  verify: { 'zh-CN': '证照核验', en: 'Check a permit', es: 'Verificar un permiso' },
  staff: { 'zh-CN': '居住证工作台', en: 'Residence permit console', es: 'Consola de permisos' },
  admin: { 'zh-CN': '系统管理', en: 'Administration', es: 'Administración' },
} as const;

test('the landing page leads to every page', async () => {
  const context = await p.newContext();
  const page = await context.newPage();
  const watch = watchPage(page, p.origin);
  await page.goto('/');
  for (const path of ['/wallet', '/verify', '/staff', '/admin', '/docs']) {
    assert.equal(await page.locator(`a[href="${path}"]`).count(), 1, path);
  }
  await assertAccessible(page, 'landing');
  assert.deepEqual(watch.problems, []);
  await context.close();
});

for (const [name, title] of Object.entries(titles)) {
  test(`${name}: loads from our server alone, switches language and elderly mode, remembers both`, async () => {
    const context = await p.newContext(
      name === 'staff' || name === 'admin' ? { viewport: { width: 1280, height: 800 }, isMobile: false } : {},
    );
    const page = await context.newPage();
    const watch = watchPage(page, p.origin);
    await page.goto(`/${name}`);
    await page.getByRole('heading', { name: title['zh-CN'], level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await assertAccessible(page, `${name} zh-CN`);

    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: title.en, level: 1 }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { name: title.es, level: 1 }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');

    const toggle = page.getByRole('button', { name: 'Letra grande' });
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await page.reload();
    await page.getByRole('heading', { name: title.es, level: 1 }).waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Letra grande' }).getAttribute('aria-pressed'),
      'true',
    );
    const bodyPx = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(bodyPx >= 18, `body text ${bodyPx}px in elderly mode`);
    const box = await page.getByRole('button', { name: 'Letra grande' }).boundingBox();
    assert.ok(box && box.width >= 60 && box.height >= 60, `elderly toggle ${box?.width}×${box?.height}`);
    await assertAccessible(page, `${name} es elderly`);
    await screenshot(page, `${name}-placeholder-es-elderly`);
    assert.deepEqual(watch.problems, []);
    await context.close();
  });
}
