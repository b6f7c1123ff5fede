// The security headers every answer carries: helmet's defaults for an API, as fixed sets (below:
// no caching, and the CSP of API answers and of the OpenAPI page); and, for our own web pages, a
// strict Content-Security-Policy on top (pageHeaders). helmet itself
// computes them per request through an Express-style middleware, which cost about 30 µs a request
// on the display-code route (bench/), more than the rest of the routing; these never change.
import type { App } from '../types.ts';

export const securityHeaders = Object.freeze({
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

/**
 * JSON, CWT and metrics answers load nothing and are framed by nobody: if one is ever rendered as a
 * page (a sniffing browser, a reflected field), nothing in it runs (OWASP REST Security Cheat
 * Sheet). Pages set their own policy; these prefixes are the API's.
 */
const apiCsp = "default-src 'none'; frame-ancestors 'none'";
const apiPrefixes = ['/api/', '/.well-known/', '/healthz', '/readyz', '/metrics'];

/**
 * The OpenAPI page (swagger-ui) loads its own scripts, styles and images and calls the API: no
 * inline or remote script; inline style only because swagger-ui renders style attributes. No
 * `upgrade-insecure-requests` (swagger-ui's default): the demo serves plain http on 127.0.0.1.
 */
export const docsCsp = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

/** Headers for an answer to `url`; also used where no hook runs (a URL refused before routing). */
export function headersFor(url: string): Readonly<Record<string, string>> {
  return apiPrefixes.some((prefix) => url.startsWith(prefix)) ? apiHeaders : otherHeaders;
}

// Personal data must not outlive the answer in a browser's or a proxy's cache (ASVS 5.0 V14.3.2,
// PIPL Art. 51): nothing is stored unless a route says otherwise. Only the public signed lists
// (trust list, status lists, JWKS) do, with max-age and an ETag.
const otherHeaders = Object.freeze({ ...securityHeaders, 'cache-control': 'no-store' });
const apiHeaders = Object.freeze({ ...otherHeaders, 'content-security-policy': apiCsp });

export function registerSecurityHeaders(app: App): void {
  app.addHook('onRequest', (req, reply, done) => {
    void reply.headers(headersFor(req.url));
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
