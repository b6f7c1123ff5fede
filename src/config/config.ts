// Configuration is read once, at start-up, from the environment, and checked: a bad value stops
// the process with a message that names the variable (STYLE habit 1, after opencrvs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../domain/errors.ts';
import { defaultPolicy, withPolicy, type Policy, type PolicySource } from '../domain/policy.ts';

export type Mode = 'demo' | 'production';

export interface Config {
  mode: Mode;
  host: string;
  port: number;
  /** PostgreSQL URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl: string | undefined;
  /**
   * JUZHU_MIGRATE (default true): apply pending migrations at start. Off for servers that connect as
   * the least-privilege role (`juzhu grant-app-role`), which cannot change the schema: they then
   * refuse to start on a database that is behind, and the owner runs `juzhu migrate`.
   */
  migrateOnStart: boolean;
  dataDir: string;
  /** Demo only: the instant the server clock starts at (it then runs on). */
  clockStart: Date | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Whether to seed demo stations, staff and residents (demo mode). */
  seedDemo: boolean;
  /** Lifetime of a resident session token, seconds. */
  sessionTtlSeconds: number;
  staffIdleSeconds: number;
  /** JUZHU_STAFF_SECOND_FACTOR: officers and admins sign in with TOTP (`required`, production default). */
  staffSecondFactor: 'required' | 'optional';
  /** Lifetime of a one-time login code, seconds (≤ 600). */
  otpTtlSeconds: number;
  /** The permits' rules: defaults, changed by the JSON file named in JUZHU_POLICY_FILE. */
  policy: Policy;
  /** Where the policy came from: the file named by JUZHU_POLICY_FILE and the settings it gave. */
  policySource: PolicySource;
  /** Production providers (required in production mode; demo mode uses stand-ins). */
  realNameProvider: Provider | undefined;
  smsGateway: Provider | undefined;
  /** Key-encryption key for signing keys at rest (32 bytes); demo mode generates one when absent. */
  kek: Uint8Array | undefined;
  signingAlg: 'ES256' | 'EdDSA';
  /** Display codes: lifetime and the verifier's tolerance for clock skew (DESIGN §3). */
  codeLifetimeSeconds: number;
  codeSkewSeconds: number;
  /** The address outside clients reach the server at (status list URIs name it). */
  publicUrl: string | undefined;
  /**
   * How long a process may serve a session, a card or the key ring from memory should it miss a
   * change announcement (milliseconds, 0: never; at most the skew).
   */
  hotCacheMs: number;
  /** POST /verify per minute: per client address without a verifier key, per organisation with one. */
  verifyPerMinute: number;
  verifyPerMinutePerOrg: number;
  otpSendsPerHourPerAddress: number;
  otpVerifiesPerHourPerAddress: number;
  /** Which proxies' X-Forwarded-For to believe for the client address (Fastify's trustProxy). */
  trustProxy: boolean | string;
  /** Whether GET /metrics and the OpenAPI page /docs are served (demo: yes; production: no). */
  exposeMetrics: boolean;
  exposeDocs: boolean;
  /** JUZHU_JOBS=off: this process runs no scheduled jobs (docs/jobs.md); another one should. */
  jobs: boolean;
  jobsPollMs: number;
}

export interface Provider {
  url: string;
  token: string;
}

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${v}"`);
  }
  return v as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v)) throw new ConfigError(name, `must be a whole number, got "${v}"`);
  const n = Number(v);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function databaseUrl(env: Env): string | undefined {
  const v = env.DATABASE_URL;
  if (v === undefined || v === '') return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres://, got "${url.protocol}"`);
  }
  return v;
}

function clockStart(env: Env, mode: Mode): Date | undefined {
  const v = env.JUZHU_CLOCK;
  if (v === undefined || v === '') return undefined;
  if (mode !== 'demo') throw new ConfigError('JUZHU_CLOCK', 'is allowed in demo mode only');
  const t = Date.parse(v);
  if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(t)) {
    throw new ConfigError('JUZHU_CLOCK', `must be an ISO time such as 2025-09-30T09:00:00+08:00, got "${v}"`);
  }
  return new Date(t);
}

function policySource(env: Env): PolicySource {
  const file = env.JUZHU_POLICY_FILE;
  if (file === undefined || file === '') return { file: null, settings: [] };
  // policy(env) has read and checked the same file already
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return { file, settings: Object.keys(parsed).filter((k) => parsed[k] !== undefined) };
}

function policy(env: Env): Policy {
  const file = env.JUZHU_POLICY_FILE;
  if (file === undefined || file === '') return { ...defaultPolicy };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError('JUZHU_POLICY_FILE', `cannot read ${file} as JSON (${(e as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('JUZHU_POLICY_FILE', 'must hold a JSON object of policy settings');
  }
  try {
    return withPolicy(parsed);
  } catch (e) {
    if (e instanceof AppError) throw new ConfigError('JUZHU_POLICY_FILE', e.message);
    throw e;
  }
}

function provider(env: Env, urlVar: string, tokenVar: string, mode: Mode): Provider | undefined {
  const url = env[urlVar];
  const token = env[tokenVar];
  if (!url) {
    if (mode === 'production') throw new ConfigError(urlVar, 'is required in production mode');
    return undefined;
  }
  try {
    if (!['https:', 'http:'].includes(new URL(url).protocol)) throw new Error();
  } catch {
    throw new ConfigError(urlVar, 'must be an http(s) URL');
  }
  if (!token) throw new ConfigError(tokenVar, `is required with ${urlVar}`);
  return { url, token };
}

function kek(env: Env, mode: Mode): Uint8Array | undefined {
  const v = env.JUZHU_KEK;
  if (v === undefined || v === '') {
    if (mode === 'production')
      throw new ConfigError('JUZHU_KEK', 'is required in production mode (32 bytes, base64)');
    return undefined;
  }
  const bytes = Buffer.from(v, 'base64');
  if (bytes.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) {
    throw new ConfigError('JUZHU_KEK', 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)');
  }
  return new Uint8Array(bytes);
}

function publicUrl(env: Env): string | undefined {
  const v = env.JUZHU_PUBLIC_URL;
  if (v === undefined || v === '') return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error();
  } catch {
    throw new ConfigError('JUZHU_PUBLIC_URL', 'must be an http(s) URL');
  }
  return v.replace(/\/+$/, '');
}

function secondFactor(env: Env, mode: Mode): 'required' | 'optional' {
  const value = env.JUZHU_STAFF_SECOND_FACTOR ?? (mode === 'production' ? 'required' : 'optional');
  if (value !== 'required' && value !== 'optional') {
    throw new ConfigError('JUZHU_STAFF_SECOND_FACTOR', `must be required or optional, got "${value}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const v = env[name];
  if (v === undefined || v === '') return fallback;
  if (v !== 'true' && v !== 'false') throw new ConfigError(name, `must be true or false, got "${v}"`);
  return v === 'true';
}

function trustProxy(env: Env): boolean | string {
  const v = env.JUZHU_TRUST_PROXY;
  if (v === undefined || v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (!/^[0-9a-fA-F.:/, ]+$/.test(v)) {
    throw new ConfigError(
      'JUZHU_TRUST_PROXY',
      'must be true, false, or proxy addresses/CIDRs separated by commas',
    );
  }
  return v;
}

/**
 * How long a process may answer from memory (a session, a card, the key ring) should it miss a
 * change another process announced. Refused when longer than the skew verifiers tolerate: a
 * logout, a revocation or a rotation would then go unfelt past the bound the skew states.
 */
function hotCacheMs(env: Env, skewSeconds: number): number {
  const ms = integer(env, 'JUZHU_HOT_CACHE_MS', 2000, 0, 10_000);
  if (ms > skewSeconds * 1000) {
    throw new ConfigError(
      'JUZHU_HOT_CACHE_MS',
      `${ms} ms outlives JUZHU_CODE_SKEW_SECONDS (${skewSeconds} s): set it to at most ${skewSeconds * 1000}`,
    );
  }
  return ms;
}

export function loadConfig(env: Env = process.env): Config {
  const mode = oneOf(env, 'JUZHU_MODE', ['demo', 'production'] as const, 'demo');
  const dbUrl = databaseUrl(env);
  if (mode === 'production' && dbUrl === undefined) {
    throw new ConfigError('DATABASE_URL', 'is required in production mode');
  }
  const codeSkewSeconds = integer(env, 'JUZHU_CODE_SKEW_SECONDS', 10, 0, 60);
  return {
    mode,
    host: env.HOST && env.HOST !== '' ? env.HOST : '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: dbUrl,
    dataDir: path.resolve(env.JUZHU_DATA_DIR && env.JUZHU_DATA_DIR !== '' ? env.JUZHU_DATA_DIR : './data'),
    clockStart: clockStart(env, mode),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    seedDemo: mode === 'demo',
    sessionTtlSeconds: integer(env, 'JUZHU_SESSION_TTL_SECONDS', 12 * 3600, 60, 30 * 24 * 3600),
    // At most 30 minutes: a console left open at a window must not serve the next person.
    staffIdleSeconds: integer(env, 'JUZHU_STAFF_IDLE_SECONDS', 1800, 60, 1800),
    staffSecondFactor: secondFactor(env, mode),
    otpTtlSeconds: integer(env, 'JUZHU_OTP_TTL_SECONDS', 300, 30, 600),
    policy: policy(env),
    policySource: policySource(env),
    realNameProvider: provider(env, 'JUZHU_REAL_NAME_URL', 'JUZHU_REAL_NAME_TOKEN', mode),
    smsGateway: provider(env, 'JUZHU_SMS_URL', 'JUZHU_SMS_TOKEN', mode),
    kek: kek(env, mode),
    signingAlg: oneOf(env, 'JUZHU_SIGNING_ALG', ['ES256', 'EdDSA'] as const, 'ES256'),
    codeLifetimeSeconds: integer(env, 'JUZHU_CODE_LIFETIME_SECONDS', 60, 10, 300),
    codeSkewSeconds,
    publicUrl: publicUrl(env),
    hotCacheMs: hotCacheMs(env, codeSkewSeconds),
    verifyPerMinute: integer(env, 'JUZHU_VERIFY_PER_MINUTE', 120, 1, 1_000_000),
    verifyPerMinutePerOrg: integer(env, 'JUZHU_VERIFY_PER_MINUTE_PER_ORG', 3000, 1, 10_000_000),
    otpSendsPerHourPerAddress: integer(env, 'JUZHU_OTP_SENDS_PER_HOUR_PER_ADDRESS', 20, 1, 1_000_000),
    otpVerifiesPerHourPerAddress: integer(env, 'JUZHU_OTP_VERIFIES_PER_HOUR_PER_ADDRESS', 50, 1, 1_000_000),
    trustProxy: trustProxy(env),
    // Metrics describe the traffic and the OpenAPI page maps every route: an attacker's survey,
    // so production serves neither unless the operator opens them (ASVS 5.0 V13.4).
    exposeMetrics: flag(env, 'JUZHU_EXPOSE_METRICS', mode === 'demo'),
    exposeDocs: flag(env, 'JUZHU_EXPOSE_DOCS', mode === 'demo'),
    jobs: oneOf(env, 'JUZHU_JOBS', ['on', 'off'] as const, 'on') === 'on',
    jobsPollMs: integer(env, 'JUZHU_JOBS_POLL_MS', 30_000, 100, 3_600_000),
    migrateOnStart: flag(env, 'JUZHU_MIGRATE', true),
  };
}
