// `npx node bench/web-pages.ts` (after `npx vite build`): the wallet and the verifier page in
// Chromium (Debian's, driven by playwright-core) with the network throttled to DevTools' "Fast 3G"
// (562.5 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, × 0.9 as DevTools sets it) and the CPU
// slowed 4×, every run with a cold cache. Prints one table:
// - the wallet's first screen interactive: from navigation start to the sign-in form mounted by
//   React (its handlers are attached then), read in the page (a MutationObserver, no polling);
// - the card's QR visible after login: from the tap on 登录 to the QR image, the list's 出示二维码
//   tapped as soon as it shows;
// - the JS shipped for the wallet on that journey: as our server sends it (the Brotli copies the
//   build wrote, scripts/vite-precompress-assets.ts) and gzip -9 of the same files;
// - the verifier's decode time for a version-10 QR in a 1280×720 camera frame (Chromium's fake
//   camera fed a y4m), each decode timed by web/shared/qr-reader.ts (User Timing), the first one
//   (WebAssembly compile) left out.
// It runs the app in process on PGlite with the demo data, as the browser tests do. RUNS sets the
// runs per figure (default 5).
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { startBrowserPlatform, type BrowserPlatform } from '../test/support/browser.ts';
import { qrVideo } from '../test/support/y4m.ts';
import { table } from './measure.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const PHONE = '13800000002'; // 李娜: one registration card
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8,
  uploadThroughput: (750 * 1000 * 0.9) / 8,
};

if (!existsSync(new URL('../web/dist/wallet/index.html', import.meta.url))) {
  console.error('The pages are not built: run `npx vite build` first.');
  process.exit(1);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Throttles the page as DevTools' Fast 3G with the CPU 4× slower; returns the JS it loads. */
async function throttle(context: BrowserContext, page: Page): Promise<Map<string, number>> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const scripts = new Map<string, string>(); // requestId → url
  const sent = new Map<string, number>(); // url → bytes on the wire
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.set(e.requestId, e.response.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const url = scripts.get(e.requestId);
    if (url) sent.set(url, e.encodedDataLength);
  });
  return sent;
}

async function walletRun(
  p: BrowserPlatform,
): Promise<{ interactive: number; qr: number; js: Map<string, number> }> {
  const context = await p.newContext();
  const page = await context.newPage();
  const js = await throttle(context, page);
  await page.addInitScript(() => {
    const w = window as unknown as { jzInteractive?: number };
    new MutationObserver((_, observer) => {
      if (document.getElementById('phone')) {
        w.jzInteractive = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto('/wallet', { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { jzInteractive?: number }).jzInteractive, null, {
    timeout: 60_000,
  });
  const interactive = await page.evaluate(
    () => (window as unknown as { jzInteractive: number }).jzInteractive,
  );

  p.clock.advance(61_000); // a new code for the same phone a minute after the last
  await page.getByLabel('手机号码').fill(PHONE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await page.getByText('验证码已发送至').waitFor({ timeout: 60_000 });
  await page.getByLabel('短信验证码').fill(await p.otpFor(PHONE));
  const tapped = performance.now();
  await page.getByRole('button', { name: '登录' }).click();
  await page
    .getByRole('button', { name: /^出示二维码/ })
    .first()
    .click({ timeout: 60_000 });
  await page.locator('img.jz-qr').waitFor({ timeout: 60_000 });
  const qr = performance.now() - tapped;
  await context.close();
  return { interactive, qr, js };
}

/** gzip -9 of the files, as fetched from the server. */
async function gzipSize(urls: Iterable<string>): Promise<number> {
  let gzip = 0;
  for (const url of urls)
    gzip += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
  return gzip;
}

async function decodeTimes(
  p: BrowserPlatform,
  cameraFile: string,
): Promise<{ times: number[]; version: number }> {
  const token = await p.residentToken('13800000001');
  const [card] = (await p.call('GET', '/api/v1/me/cards', { token })).json<{ id: string }[]>();
  const shown = await p.call('POST', `/api/v1/cards/${card!.id}/display-codes`, { token, body: {} });
  const code = shown.json<{ code: string }>().code;
  const version = 10;
  // A phone screen at arm's length: 5 px a module, the code about 285 px in a 1280×720 frame.
  writeFileSync(cameraFile, qrVideo(code, { width: 1280, height: 720, version, moduleSize: 5 }));
  const context = await p.newContext();
  await context.grantPermissions(['camera'], { origin: p.origin });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto('/verify');
  for (let i = 0; i <= RUNS; i++) {
    await page.getByRole('button', { name: '打开摄像头扫码' }).click();
    await page.locator('[data-result]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '核验下一个' }).click();
  }
  const times = await page.evaluate(() =>
    performance.getEntriesByName('jz-qr-decode').map((e) => e.duration),
  );
  await context.close();
  return { times: times.slice(1), version };
}

const dir = mkdtempSync(join(tmpdir(), 'juzhu-bench-camera-'));
const cameraFile = join(dir, 'code.y4m');
const p = await startBrowserPlatform({
  args: [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${cameraFile}`,
  ],
});
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await walletRun(p));
  const js = new Map<string, number>();
  for (const r of runs) for (const [url, bytes] of r.js) js.set(url, bytes);
  const gzip = await gzipSize(js.keys());
  const sent = [...js.values()].reduce((a, b) => a + b, 0);
  const decode = await decodeTimes(p, cameraFile);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n: number) => `${Math.round(n)} ms`;
  console.log(
    `\nWeb pages in Chromium, network "Fast 3G", CPU 4× slower, cold cache; median of ${RUNS} runs\n`,
  );
  console.log(
    table(
      ['figure', 'median', 'min–max', 'target'],
      [
        [
          'wallet: first screen interactive (sign-in form mounted)',
          ms(median(runs.map((r) => r.interactive))),
          `${ms(Math.min(...runs.map((r) => r.interactive)))}–${ms(Math.max(...runs.map((r) => r.interactive)))}`,
          '',
        ],
        [
          "wallet: card's QR visible after the tap on 登录",
          ms(median(runs.map((r) => r.qr))),
          `${ms(Math.min(...runs.map((r) => r.qr)))}–${ms(Math.max(...runs.map((r) => r.qr)))}`,
          '',
        ],
        [`wallet: JS to the QR, ${js.size} files, gzip -9`, kb(gzip), '', '≤ 250 KB'],
        ['wallet: JS to the QR, on the wire from our server (Brotli)', kb(sent), '', '≤ 250 KB'],
        [
          `verify: decode a version-${decode.version} QR, 1280×720 camera frame (${decode.times.length} decodes)`,
          ms(median(decode.times)),
          `${ms(Math.min(...decode.times))}–${ms(Math.max(...decode.times))}`,
          '≤ 100 ms',
        ],
      ],
    ),
  );
} finally {
  await p.close();
  rmSync(dir, { recursive: true, force: true });
}
