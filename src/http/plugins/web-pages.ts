// The built web pages (web/dist, made by `npm run build:web`): each page is one HTML file with
// its own client-side routes, so /wallet and everything under it answers the wallet's HTML.
// Hashed assets never change under their name (cached a year, immutable); the HTML is never
// cached, so a new release reaches every phone at its next load. Scripts, styles and the QR reader's
// WebAssembly are sent as the Brotli or gzip copy the build wrote beside them
// (scripts/vite-precompress-assets.ts) when the browser accepts it. The WebAssembly is copied by the
// build from our own node_modules, never fetched from a CDN (many government networks reach none).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { App } from '../types.ts';
import { pageHeaders } from './security-headers.ts';

export const webDist = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
export const pages = ['wallet', 'verify', 'staff', 'admin'] as const;

export async function registerWebPages(app: App): Promise<void> {
  const built = existsSync(`${webDist}index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: `${webDist}assets`,
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      immutable: true,
      maxAge: '365d',
      preCompressed: true,
    });
    // At the path web/shared/qr-reader.ts asks for: /wasm/zxing_reader.wasm (not hashed: a day).
    await app.register(fastifyStatic, {
      root: `${webDist}wasm`,
      prefix: '/wasm/',
      decorateReply: false,
      index: false,
      allowedPath: (path) => path === '/zxing_reader.wasm',
      maxAge: '1d',
      preCompressed: true,
    });
  }

  const html = new Map<string, string>();
  const sendPage = (file: string, reply: FastifyReply) => {
    void reply.headers({ ...pageHeaders, 'cache-control': 'no-store' }).type('text/html; charset=utf-8');
    if (!built) {
      return reply
        .status(503)
        .send(
          '<!doctype html><meta charset="utf-8"><title>juzhu</title><p>The web pages are not built: run npm run build:web</p>',
        );
    }
    let text = html.get(file);
    if (text === undefined) html.set(file, (text = readFileSync(`${webDist}${file}`, 'utf8')));
    return reply.send(text);
  };

  app.get('/', { schema: { hide: true } }, (_req, reply) => sendPage('index.html', reply));
  for (const page of pages) {
    const handler = (_req: unknown, reply: FastifyReply) => sendPage(`${page}/index.html`, reply);
    app.get(`/${page}`, { schema: { hide: true } }, handler);
    app.get(`/${page}/*`, { schema: { hide: true } }, handler);
  }
}
