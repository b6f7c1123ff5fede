// The wallet's tab bar on phones (issue 8 follow-up): with 我的预约 active, the first tab was cut
// off at 390 px. At 390 px and at 320 px, in Chinese, English and Spanish (the longest labels),
// every tab lies wholly inside the viewport and its words inside the tab, measured from the
// bounding boxes; screenshots of each for a person to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { screenshot, startBrowserPlatform, watchPage, type BrowserPlatform } from '../support/browser.ts';
import { signIn } from '../support/wallet-page.ts';

let p: BrowserPlatform;
before(async () => {
  p = await startBrowserPlatform();
});
after(() => p?.close());

const languages = [
  { lang: 'zh-CN', appointments: '我的预约' },
  { lang: 'en', appointments: 'Appointments' },
  { lang: 'es', appointments: 'Citas' },
] as const;

/** Each tab's box, and whether its words overflow it (scrollWidth beyond its width). */
async function tabBoxes(page: Page) {
  return page.getByRole('tab').evaluateAll((tabs) =>
    tabs.map((tab) => {
      const r = tab.getBoundingClientRect();
      return {
        name: tab.textContent ?? '',
        left: r.left,
        right: r.right,
        overflows: tab.scrollWidth > tab.clientWidth + 1,
      };
    }),
  );
}

// One resident a width: a second login code for the same phone within a minute is refused.
for (const [width, phone] of [
  [390, '13800000002'],
  [320, '13800000003'],
] as const) {
  test(`at ${width} px every tab is fully in view, in three languages, with 我的预约 active`, async () => {
    const context = await p.newContext({ viewport: { width, height: 844 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const watch = watchPage(page, p.origin);
    await signIn(page, p, phone);
    for (const { lang, appointments } of languages) {
      if (lang !== 'zh-CN') {
        await page.getByRole('combobox', { name: /语言|Language|Idioma/ }).selectOption(lang);
      }
      await page.getByRole('tab', { name: appointments }).click();
      await page.getByRole('tab', { name: appointments, selected: true }).waitFor();
      // antd-mobile scrolls the bar towards the active tab with an animation: let it end.
      await page.waitForFunction(() => document.getAnimations().length === 0);
      const boxes = await tabBoxes(page);
      assert.equal(boxes.length, 4);
      for (const box of boxes) {
        assert.ok(
          box.left >= 0 && box.right <= width,
          `${lang} ${width} px: tab "${box.name}" spans ${box.left}–${box.right}`,
        );
        assert.ok(!box.overflows, `${lang} ${width} px: the words of "${box.name}" fit in their tab`);
      }
      // The header's controls keep their labels on one line (a control wraps to the next row whole).
      const tallControls = await page
        .getByRole('banner')
        .locator('button, select')
        .evaluateAll((els) =>
          els
            .filter(
              (el) => el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).minHeight) + 1,
            )
            .map((el) => el.textContent),
        );
      assert.deepEqual(tallControls, [], `${lang} ${width} px: header controls whose label breaks`);
      const scrolled = await page.locator('.adm-tabs-tab-list').evaluate((el) => el.scrollLeft);
      assert.equal(scrolled, 0, 'the bar is not scrolled: nothing hides to its left');
      await screenshot(page, `wallet-tabs-${width}-${lang}`);
    }
    assert.deepEqual(watch.problems, []);
    await context.close();
  });
}
