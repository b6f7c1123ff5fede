// Steps of the wallet journeys, as a resident does them on the page.
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import jsQRModule from 'jsqr';
import type { Page } from 'playwright-core';
import type { BrowserPlatform } from './browser.ts';

// jsqr is CommonJS: Node hands its function over as the default export, which its types call `.default`.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Signs in on /wallet with the phone and the code the dev outbox received (zh-CN labels). */
export async function signIn(page: Page, p: BrowserPlatform, phone: string): Promise<void> {
  await page.goto('/wallet');
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByText('验证码已发送至').waitFor();
  await page.getByLabel('短信验证码').fill(await p.otpFor(phone));
  await page.getByRole('button', { name: '登录' }).click();
}

/** Reads the QR code in a PNG screenshot (jsQR, an independent decoder). */
export function readQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  assert.ok(found, 'a QR code is readable in the screenshot');
  return found.data;
}

/** A small real PNG (a grey square), as a camera would give. */
export function photoPng(): Buffer {
  const png = new PNG({ width: 48, height: 64 });
  png.data.fill(0x99);
  return PNG.sync.write(png);
}

/** A minimal PDF document. */
export function letterPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
}
