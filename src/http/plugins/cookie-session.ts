// The web pages keep their session in an HttpOnly cookie (DESIGN §5 allows it), so a script
// injected into a page cannot read the token. A cookie is sent by the browser on its own, which
// opens cross-site request forgery: every unsafe request authenticated by the cookie must carry
// `X-Juzhu-Csrf: 1` (a header a cross-site form cannot set, and that no CORS policy of ours lets a
// cross-site script set) and, where the browser says where it comes from (`Sec-Fetch-Site`),
// come from our own origin. SameSite=Strict stops the cookie on cross-site requests as well; the
// header check also holds on browsers that ignore SameSite (OWASP CSRF cheat sheet, "Custom
// Request Headers" and "Fetch Metadata").
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../domain/errors.ts';
import type { App } from '../types.ts';

export const SESSION_COOKIE = 'juzhu_session';
export const CSRF_HEADER = 'x-juzhu-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function registerCookies(app: App): Promise<void> {
  await app.register(cookie);
}

/** The session token of a request: the bearer token, else the page's cookie (CSRF-checked). */
export function sessionTokenOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const fromCookie = req.cookies[SESSION_COOKIE];
  if (!fromCookie) return undefined;
  refuseCrossSite(req);
  return fromCookie;
}

function refuseCrossSite(req: FastifyRequest): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers['sec-fetch-site'];
  const sameSite = site === undefined || site === 'same-origin' || site === 'none';
  if (req.headers[CSRF_HEADER] !== '1' || !sameSite) {
    throw new AppError('FORBIDDEN', 'cross-site request refused', {}, { reason: 'csrf' });
  }
}

/**
 * Hands a new session to the page as a cookie the page's scripts cannot read. Its life is given as
 * Max-Age (seconds from now), not Expires: a phone whose clock is wrong would take an absolute date
 * as already past and drop the cookie.
 */
export function setSessionCookie(reply: FastifyReply, token: string, lifeSeconds: number): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/api/',
    httpOnly: true,
    sameSite: 'strict',
    // Over plain http (demo on 127.0.0.1) a Secure cookie would be dropped; behind TLS it is set.
    secure: 'auto',
    maxAge: Math.max(0, Math.floor(lifeSeconds)),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/api/', httpOnly: true, sameSite: 'strict' });
}
