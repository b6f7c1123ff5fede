// The security headers every answer carries: helmet's defaults for an API (no CSP on the API: it
// serves JSON and CWT; the OpenAPI page runs its own scripts), as one fixed set; and, for our own
// web pages, a strict Content-Security-Policy on top (pageHeaders). helmet itself
// computes them per request through an Express-style middleware, which cost about 30 µs a request
// on the display-code route (bench/), more than the rest of the routing; these never change.
import type { App } from '../types.ts';

const headers = Object.freeze({
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

export function registerSecurityHeaders(app: App): void {
  app.addHook('onRequest', (_req, reply, done) => {
    void reply.headers(headers);
    done();
  });
}

// Our pages load nothing from anywhere else: every script, style, font, image and request is ours.
// - script-src 'wasm-unsafe-eval': the QR reader is WebAssembly (zxing-wasm, served by us), which
//   needs it to compile; no JavaScript eval is allowed.
// - style-src 'unsafe-inline': antd and antd-mobile write their styles into <style> elements at
//   run time (CSS-in-JS) and position popups with style attributes; with scripts locked to our own
//   files, inline styles cannot run code (the remaining risk, CSS-based data exfiltration, needs an
//   injection point that React's escaping does not give, and connect/img-src stay 'self').
// - img-src/media-src blob: and data:: the QR is drawn to a data URL, camera frames are blobs.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "frame-ancestors 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

export const pageHeaders = Object.freeze({
  'content-security-policy': contentSecurityPolicy,
  'x-frame-options': 'DENY',
  // The camera only for our own pages (the verifier's scanner, the wallet's photo of a material).
  'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
});
