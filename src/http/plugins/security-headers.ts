// The security headers every answer carries: helmet's defaults for an API (no CSP: the API
// serves JSON and CWT; the OpenAPI page runs its own scripts), as one fixed set. helmet itself
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

export function registerSecurityHeaders(app: App): void {
  app.addHook('onRequest', (_req, reply, done) => {
    void reply.headers(securityHeaders);
    done();
  });
}
