// The server serves the built pages (npm test builds them first, scripts/ensure-test-deps.sh):
// each page and its client-side routes answer its HTML with the strict page policy and no caching;
// hashed assets are cached for good and sent compressed; the QR reader's WebAssembly comes from our
// own server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { dbTargets } from '../support/test-db.ts';
import { startPlatform, type TestPlatform } from '../support/test-app.ts';

describe('web pages', () => {
  let p: TestPlatform;
  before(async () => {
    p = await startPlatform(dbTargets()[0]!, '2025-09-26T10:00:00+08:00');
  });
  after(() => p.close());

  test('each page and its deep links answer its HTML with a strict policy, never cached', async () => {
    for (const url of ['/', '/wallet', '/wallet/cards/123', '/verify', '/staff', '/staff/queue', '/admin']) {
      const res = await p.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.match(String(res.headers['content-type']), /^text\/html/, url);
      assert.equal(res.headers['cache-control'], 'no-store', url);
      const csp = String(res.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
        "base-uri 'none'",
      ]) {
        assert.ok(csp.includes(directive), `${url}: ${directive}`);
      }
      assert.doesNotMatch(csp, /https?:/, 'no other origin is allowed');
      assert.doesNotMatch(res.body, /src="https?:|href="https?:/, `${url} loads nothing from elsewhere`);
    }
  });

  test("the wallet's and the verifier's HTML load none of the console's antd", async () => {
    /** Every script a page's HTML loads or preloads, as text. */
    const scriptsOf = async (url: string) => {
      const html = (await p.app.inject({ url })).body;
      const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      assert.ok(files.length > 0, `${url} names its scripts`);
      return Promise.all(files.map(async (f) => (await p.app.inject({ url: f })).body));
    };
    // antd's CSS-in-JS names its class prefix `antCls` in every component's style code;
    // antd-mobile has its own (`adm-`). Chunk names are the bundler's to choose, so the code is read.
    const antd = (code: string) => code.includes('antCls');
    for (const page of ['/wallet', '/verify']) {
      assert.ok(!(await scriptsOf(page)).some(antd), `${page} loads antd`);
    }
    assert.ok((await scriptsOf('/staff')).some(antd), 'the console does (so the probe finds it)');
  });

  test("ECharts is loaded with the console's statistics page only: never by the wallet, the verifier or the console's first load", async () => {
    const scriptsOf = async (url: string) => {
      const html = (await p.app.inject({ url })).body;
      const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
      return Promise.all(files.map(async (f) => (await p.app.inject({ url: f })).body));
    };
    const echarts = (code: string) => code.includes('zrender');
    for (const page of ['/wallet', '/verify', '/staff', '/admin']) {
      assert.ok(!(await scriptsOf(page)).some(echarts), `${page} loads ECharts at once`);
    }
  });

  test('no two chunks import each other, even through others (a circle breaks a page at load)', () => {
    const assets = new URL('../../web/dist/assets/', import.meta.url);
    const chunks = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const imports = new Map(
      chunks.map((f) => [
        f,
        [...readFileSync(new URL(f, assets), 'utf8').matchAll(/from"\.\/([^"]+\.js)"/g)].map((m) => m[1]!),
      ]),
    );
    const circle = (start: string): string[] | null => {
      const walk = (at: string, path: string[]): string[] | null => {
        for (const next of imports.get(at) ?? []) {
          if (next === start) return [...path, next];
          if (!path.includes(next)) {
            const found = walk(next, [...path, next]);
            if (found) return found;
          }
        }
        return null;
      };
      return walk(start, [start]);
    };
    assert.ok(chunks.length > 0, 'the pages are built');
    for (const chunk of chunks) assert.equal(circle(chunk), null, `${chunk} imports itself`);
  });

  test('hashed assets are cached for a year as immutable', async () => {
    const html = (await p.app.inject({ url: '/wallet' })).body;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, 'the page names its script');
    const res = await p.app.inject({ url: script });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /javascript/);
    assert.match(String(res.headers['cache-control']), /max-age=31536000.*immutable/);
  });

  test('scripts go out as Brotli or gzip when the browser takes them, the same bytes once decoded', async () => {
    const html = (await p.app.inject({ url: '/staff' })).body;
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    assert.ok(scripts.length > 0, 'the console names its scripts');
    let plain = 0;
    let brotli = 0;
    for (const url of scripts) {
      const raw = await p.app.inject({ url });
      const br = await p.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      const gz = await p.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      assert.equal(raw.headers['content-encoding'], undefined, `${url}: plain to a client that asks nothing`);
      plain += raw.rawPayload.length;
      // Below a kilobyte the headers cost more than compression would save: sent as is.
      if (raw.rawPayload.length < 1024) {
        brotli += raw.rawPayload.length;
        continue;
      }
      assert.equal(br.headers['content-encoding'], 'br', url);
      assert.equal(gz.headers['content-encoding'], 'gzip', url);
      assert.match(String(br.headers.vary), /accept-encoding/i, `${url}: caches keep the copies apart`);
      assert.match(String(br.headers['cache-control']), /immutable/);
      assert.ok(
        brotliDecompressSync(br.rawPayload).equals(raw.rawPayload),
        `${url}: Brotli copy is the script`,
      );
      assert.ok(gunzipSync(gz.rawPayload).equals(raw.rawPayload), `${url}: gzip copy is the script`);
      brotli += br.rawPayload.length;
    }
    assert.ok(brotli < plain / 3, `the console's first scripts: ${brotli} bytes on the wire of ${plain}`);
  });

  test("zxing-wasm's WebAssembly is copied by the build and served as application/wasm, compressed too", async () => {
    const res = await p.app.inject({ url: '/wasm/zxing_reader.wasm' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/wasm');
    assert.deepEqual([...res.rawPayload.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module');
    assert.equal(
      (await p.app.inject({ url: '/wasm/package.json' })).statusCode,
      404,
      'nothing else from there',
    );
    const br = await p.app.inject({ url: '/wasm/zxing_reader.wasm', headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.ok(brotliDecompressSync(br.rawPayload).equals(res.rawPayload), 'the same module once decoded');
  });

  test('the API and its documentation are still where they were', async () => {
    assert.equal((await p.app.inject({ url: '/docs' })).statusCode, 200);
    assert.equal((await p.app.inject({ url: '/api/v1/nothing-here' })).statusCode, 404);
  });
});
