// A whole platform for one test file: a fresh migrated database (PGlite or PostgreSQL), the demo
// data, a frozen clock, and the HTTP app driven through inject().
import { defaultPolicy, type Policy } from '../../src/domain/policy.ts';
import type { LightMyRequestResponse } from 'fastify';
import { fixedClock, systemClock } from '../../src/domain/clock.ts';
import type { Database } from '../../src/db/client.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/types.ts';
import { createServiceContext } from '../../src/services/create-context.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import type { RealNameVerifier } from '../../src/ports/real-name-verifier.ts';
import { seedDemo } from '../../src/services/demo/seed-demo.ts';
import { ensureSigningKeys } from '../../src/services/credentials/manage-signing-keys.ts';
import { loadDataKeys } from '../../src/services/personal-data/load-data-keys.ts';

/** A key-encryption key for tests only. */
export const testKek = new Uint8Array(32).fill(42);
/** The display-code settings every test platform runs with. */
export const testCredentials = {
  kek: testKek,
  signingAlg: 'ES256',
  codeLifetimeSeconds: 60,
  skewSeconds: 10,
  publicUrl: 'http://juzhu.test',
} as const;
import { DEMO_PASSWORD } from '../../src/services/demo/demo-data.ts';
import type { DbTarget } from './test-db.ts';

export interface TestPlatform {
  app: App;
  ctx: ServiceContext;
  database: Database;
  clock: MovableClock;
  close(): Promise<void>;
  /** JSON request with an optional bearer token. */
  call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    opts?: { token?: string; body?: unknown; lang?: string },
  ): Promise<LightMyRequestResponse>;
  residentToken(phone: string): Promise<string>;
  staffToken(username: string): Promise<string>;
}

export type MovableClock = ReturnType<typeof fixedClock>;

/** A clock that starts at `at` and runs at real speed (browser pages count seconds), yet can be moved. */
export function runningClock(at: Date): MovableClock {
  let offset = at.getTime() - systemClock.now().getTime();
  return {
    now: () => new Date(systemClock.now().getTime() + offset),
    set: (d) => {
      offset = d.getTime() - systemClock.now().getTime();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}

export async function startPlatform(
  target: DbTarget,
  at: string,
  options: {
    limits?: Partial<ServiceContext['limits']>;
    realName?: RealNameVerifier;
    running?: boolean;
    policy?: Partial<Policy>;
    staffSecondFactor?: 'required' | 'optional';
  } = {},
): Promise<TestPlatform> {
  const database = await target.open();
  const clock = options.running ? runningClock(new Date(at)) : fixedClock(new Date(at));
  const ctx = createServiceContext({
    database,
    clock,
    mode: 'demo',
    // Every resident of a test file signs in from inject()'s one address: the per-address login
    // limits are tested where they are set (otp-limits.int.test.ts), and out of the way elsewhere.
    limits: { otpSendsPerHourPerAddress: 100_000, otpVerifiesPerHourPerAddress: 100_000, ...options.limits },
    ...(options.realName ? { realName: options.realName } : {}),
    ...(options.policy ? { policy: { ...defaultPolicy, ...options.policy } } : {}),
    ...(options.staffSecondFactor ? { staffSecondFactor: options.staffSecondFactor } : {}),
    credentials: testCredentials,
  });
  await loadDataKeys(ctx);
  await ensureSigningKeys(ctx);
  await seedDemo(ctx);
  const app = await buildApp({ ctx, database });
  const call: TestPlatform['call'] = (method, url, opts = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.lang ? { 'accept-language': opts.lang } : {}),
      },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
  const platform: TestPlatform = {
    app,
    ctx,
    database,
    clock,
    call,
    close: async () => {
      await app.close();
      await database.close();
    },
    residentToken: async (phone) => {
      const sent = await call('POST', '/api/v1/auth/otp', { body: { phone } });
      if (sent.statusCode !== 202) throw new Error(`otp: ${sent.statusCode} ${sent.body}`);
      const outbox = (await call('GET', `/api/v1/dev/outbox?to=${phone}`)).json<{ text: string }[]>();
      const code = /(\d{6})/.exec(outbox[0]?.text ?? '')?.[1];
      const verified = await call('POST', '/api/v1/auth/otp/verify', { body: { phone, code } });
      if (verified.statusCode !== 200) throw new Error(`otp verify: ${verified.statusCode} ${verified.body}`);
      // The next code for the same phone may only be asked for a minute later.
      clock.advance(61_000);
      return verified.json<{ token: string }>().token;
    },
    staffToken: async (username) => {
      const res = await call('POST', '/api/v1/auth/staff', { body: { username, password: DEMO_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`staff login ${username}: ${res.statusCode} ${res.body}`);
      return res.json<{ token: string }>().token;
    },
  };
  return platform;
}

/** Smallest files whose first bytes match their type, for material uploads. */
export const samplePng = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString(
  'base64',
);
export const samplePdf = Buffer.from('%PDF-1.4\n%juzhu test\n').toString('base64');

export const photo = { kind: 'photo', contentType: 'image/png', content: samplePng } as const;
export const proofOfAddress = {
  kind: 'proof_of_address',
  contentType: 'application/pdf',
  content: samplePdf,
} as const;
export const proofOfBasis = {
  kind: 'proof_of_basis',
  contentType: 'application/pdf',
  content: samplePdf,
} as const;
