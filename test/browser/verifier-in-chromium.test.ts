// The offline verifier library runs in a browser (DESIGN §1): bundled for the browser (esbuild
// fails on any node:* import), loaded into headless Chromium from a loopback page, and fed the
// committed vectors. It must give every vector's expected result with the browser's WebCrypto.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import type * as VerifyLibrary from '../../src/verify/index.ts';
import { chromiumArgs } from '../support/browser.ts';

type Lib = typeof VerifyLibrary;

const vectors = JSON.parse(
  readFileSync(new URL('../vectors/display-codes.json', import.meta.url), 'utf8'),
) as {
  vectors: { name: string; expected: string }[];
};

let server: Server;
let browser: Browser;
let origin: string;

before(async () => {
  const bundle = await build({
    entryPoints: [new URL('../../src/verify/index.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const page = `<!doctype html><meta charset="utf-8"><title>verifier</title>
<script type="module">import * as lib from '/verify.js'; window.lib = lib; window.ready = true;</script>`;
  server = createServer((req, res) => {
    if (req.url === '/verify.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: chromiumArgs,
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

test("every vector gives its expected result in Chromium, with the browser's WebCrypto", async () => {
  const page = await browser.newPage();
  await page.goto(origin);
  await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
  const file: unknown = vectors;
  const results = await page.evaluate(async (f) => {
    const lib = (window as unknown as { lib: Lib }).lib;
    const data = f as {
      anchors: Parameters<Lib['verifyTrustList']>[1];
      trustList: string;
      statusLists: Record<string, string>;
      vectors: { name: string; code: string; now: string; skewSeconds: number; challenge?: string }[];
    };
    const bytes = (b64url: string) =>
      Uint8Array.from(atob(b64url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const out: Record<string, string> = {};
    for (const v of data.vectors) {
      const now = new Date(v.now);
      const trust = await lib.verifyTrustList(bytes(data.trustList), data.anchors, {
        now,
        skewSeconds: v.skewSeconds,
      });
      if (!trust.ok) {
        out[v.name] = `trust list: ${trust.problem}`;
        continue;
      }
      const lists = new Map();
      for (const token of Object.values(data.statusLists)) {
        const s = await lib.verifyStatusList(bytes(token), trust.trustList, {
          now,
          skewSeconds: v.skewSeconds,
        });
        if (s.ok) lists.set(s.snapshot.list, s.snapshot);
      }
      const outcome = await lib.verifyDisplayCode(v.code, {
        trustList: trust.trustList,
        statusLists: (n: number) => lists.get(n),
        now,
        skewSeconds: v.skewSeconds,
        ...(v.challenge ? { challenge: v.challenge } : {}),
      });
      out[v.name] = outcome.result;
    }
    return out;
  }, file);
  for (const v of vectors.vectors) assert.equal(results[v.name], v.expected, v.name);
  assert.ok(await page.evaluate(() => window.isSecureContext), 'WebCrypto ran in a secure context');
});
