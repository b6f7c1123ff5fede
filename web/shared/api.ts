// The pages' one way to the API. The session is the HttpOnly cookie the login set (never a token in
// script reach); every request says it comes from our page (X-Juzhu-Csrf, see
// src/http/plugins/cookie-session.ts) and asks for messages in the chosen language. Bodies are
// typed by the server's own TypeBox schemas (`Static<typeof Schema>`), never written twice.
import i18next from 'i18next';
import type { ErrorCode } from '../../src/domain/errors.ts';
import { currentLanguage } from './i18n.ts';

export type ApiErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: unknown;

  constructor(status: number, code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The request fields the server named (JSON pointers such as `/address/street`), if any. */
  get fields(): string[] {
    const d = this.details as { fields?: unknown; field?: unknown } | undefined;
    if (Array.isArray(d?.fields)) return d.fields.filter((f): f is string => typeof f === 'string');
    return typeof d?.field === 'string' ? [d.field] : [];
  }
}

/** Told why: SESSION_EXPIRED (idle), ACCOUNT_DEACTIVATED, or another 401 code. */
type Listener = (code: ApiErrorCode) => void;
const sessionEndedListeners = new Set<Listener>();

/** Called when the server answers 401 to a page that thought it was signed in. */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function send(method: Method, path: string, body: unknown, accept: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        accept,
        'accept-language': currentLanguage(),
        'x-juzhu-csrf': '1',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('common.errors.network'));
  }
  if (res.ok) return res;
  const data: unknown = await res.json().catch(() => undefined);
  const error = (data as { error?: { code?: ErrorCode; message?: string; details?: unknown } } | undefined)
    ?.error;
  // A refused sign-in (a wrong code or password, a second factor asked for) ends no session.
  if (res.status === 401 && !path.startsWith('/auth/'))
    sessionEndedListeners.forEach((l) => l(error?.code ?? 'UNAUTHENTICATED'));
  throw new ApiError(
    res.status,
    error?.code ?? 'INTERNAL',
    error?.message ?? i18next.t('common.errors.unexpected'),
    error?.details,
  );
}

export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body, 'application/json');
  if (res.status === 204) return undefined as T;
  return (await res.json().catch(() => undefined)) as T;
}

/** A document the API answers with (a confirmation form's PDF), with the headers that name it. */
export async function apiDocument(
  method: Method,
  path: string,
  body?: unknown,
): Promise<{ blob: Blob; headers: Headers }> {
  const res = await send(method, path, body, 'application/pdf, application/json');
  return { blob: await res.blob(), headers: res.headers };
}

export const get = <T>(path: string) => api<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => api<T>('POST', path, body ?? {});
export const put = <T>(path: string, body: unknown) => api<T>('PUT', path, body);
export const del = <T>(path: string) => api<T>('DELETE', path);

/** What to tell the reader about a failure: the server's words, or the error's own. */
export const errorMessage = (e: unknown): string => (e instanceof ApiError ? e.message : String(e));
