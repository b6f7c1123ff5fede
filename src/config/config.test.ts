import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

test('no configuration means demo mode on PGlite in ./data, port 3000', () => {
  const c = loadConfig({});
  assert.equal(c.mode, 'demo');
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.port, 3000);
  assert.match(c.dataDir, /data$/);
  assert.equal(c.seedDemo, true);
});

test('a bad value names the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (e: unknown) => e instanceof ConfigError && e.variable === 'PORT',
  );
  assert.throws(() => loadConfig({ JUZHU_MODE: 'prod' }), /JUZHU_MODE/);
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
  assert.throws(() => loadConfig({ JUZHU_CLOCK: 'tomorrow' }), /JUZHU_CLOCK/);
});

test('JUZHU_STAFF_IDLE_SECONDS: 30 minutes by default, never longer', () => {
  assert.equal(loadConfig({}).staffIdleSeconds, 1800);
  assert.equal(loadConfig({ JUZHU_STAFF_IDLE_SECONDS: '600' }).staffIdleSeconds, 600);
  assert.throws(() => loadConfig({ JUZHU_STAFF_IDLE_SECONDS: '3600' }), /JUZHU_STAFF_IDLE_SECONDS/);
});

const providers = {
  JUZHU_KEK: Buffer.alloc(32, 7).toString('base64'),
  JUZHU_REAL_NAME_URL: 'https://real-name.example/verify',
  JUZHU_REAL_NAME_TOKEN: 't1',
  JUZHU_SMS_URL: 'https://sms.example/send',
  JUZHU_SMS_TOKEN: 't2',
};

test('production mode needs a database and its providers, and refuses a demo clock', () => {
  assert.throws(() => loadConfig({ JUZHU_MODE: 'production' }), /DATABASE_URL/);
  const prod = { JUZHU_MODE: 'production', DATABASE_URL: 'postgres://x@h/db' };
  assert.throws(() => loadConfig(prod), /JUZHU_REAL_NAME_URL/);
  assert.throws(() => loadConfig({ ...prod, ...providers, JUZHU_SMS_TOKEN: '' }), /JUZHU_SMS_TOKEN/);
  assert.equal(loadConfig({ ...prod, ...providers }).smsGateway?.url, 'https://sms.example/send');
  assert.throws(() => loadConfig({ ...prod, ...providers, JUZHU_CLOCK: '2025-01-01' }), /JUZHU_CLOCK/);
});

test('JUZHU_CLOCK starts the clock at the given instant in demo mode', () => {
  const c = loadConfig({ JUZHU_CLOCK: '2025-09-30T09:00:00+08:00', PORT: '0', JUZHU_DATA_DIR: '/tmp/x' });
  assert.equal(c.clockStart?.toISOString(), '2025-09-30T01:00:00.000Z');
  assert.equal(c.dataDir, '/tmp/x');
});

test('JUZHU_POLICY_FILE changes the rules, and a bad setting names itself', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'juzhu-policy-'));
  const good = path.join(dir, 'good.json');
  writeFileSync(good, JSON.stringify({ reviewWorkingDays: 5 }));
  assert.equal(loadConfig({ JUZHU_POLICY_FILE: good }).policy.reviewWorkingDays, 5);
  assert.deepEqual(loadConfig({ JUZHU_POLICY_FILE: good }).policySource, {
    file: good,
    settings: ['reviewWorkingDays'],
  });
  assert.equal(loadConfig({}).policy.reviewWorkingDays, 8);
  assert.deepEqual(loadConfig({}).policySource, { file: null, settings: [] });
  const bad = path.join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ reviewWorkingDays: 30 }));
  assert.throws(() => loadConfig({ JUZHU_POLICY_FILE: bad }), /JUZHU_POLICY_FILE.*reviewWorkingDays/);
  assert.throws(() => loadConfig({ JUZHU_POLICY_FILE: path.join(dir, 'missing.json') }), /JUZHU_POLICY_FILE/);
});

test('the key-encryption key must be 32 bytes of base64', () => {
  assert.equal(loadConfig({}).kek, undefined);
  assert.equal(loadConfig({ JUZHU_KEK: Buffer.alloc(32, 1).toString('base64') }).kek?.length, 32);
  assert.throws(() => loadConfig({ JUZHU_KEK: 'c2hvcnQ=' }), /JUZHU_KEK/);
  assert.throws(() => loadConfig({ JUZHU_SIGNING_ALG: 'RS256' }), /JUZHU_SIGNING_ALG/);
  assert.throws(() => loadConfig({ JUZHU_CODE_LIFETIME_SECONDS: '5' }), /JUZHU_CODE_LIFETIME_SECONDS/);
});

test('JUZHU_TRUST_PROXY: off by default, true, or proxy addresses', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ JUZHU_TRUST_PROXY: 'true' }).trustProxy, true);
  assert.equal(
    loadConfig({ JUZHU_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy,
    '10.0.0.0/8, 127.0.0.1',
  );
  assert.throws(() => loadConfig({ JUZHU_TRUST_PROXY: 'everyone' }), /JUZHU_TRUST_PROXY/);
});

test('a cache that would outlive the skew is refused, naming the variable', () => {
  // A session or card served from memory for longer than verifiers tolerate clock skew would let a
  // change made on another process (logout, revocation) go unfelt past the bound the skew states.
  assert.throws(
    () => loadConfig({ JUZHU_HOT_CACHE_MS: '5000', JUZHU_CODE_SKEW_SECONDS: '4' }),
    (e: unknown) =>
      e instanceof ConfigError &&
      e.variable === 'JUZHU_HOT_CACHE_MS' &&
      /JUZHU_CODE_SKEW_SECONDS/.test(e.message),
  );
  assert.throws(() => loadConfig({ JUZHU_CODE_SKEW_SECONDS: '0' }), /JUZHU_HOT_CACHE_MS/);
  assert.equal(loadConfig({ JUZHU_CODE_SKEW_SECONDS: '0', JUZHU_HOT_CACHE_MS: '0' }).hotCacheMs, 0);
  assert.equal(loadConfig({ JUZHU_HOT_CACHE_MS: '10000' }).hotCacheMs, 10_000);
});

test('/metrics and /docs are open in demo mode and closed in production unless asked for', () => {
  const demo = loadConfig({});
  assert.deepEqual([demo.exposeMetrics, demo.exposeDocs], [true, true]);
  const prod = { JUZHU_MODE: 'production', DATABASE_URL: 'postgres://x@h/db', ...providers };
  const closed = loadConfig(prod);
  assert.deepEqual([closed.exposeMetrics, closed.exposeDocs], [false, false]);
  const opened = loadConfig({ ...prod, JUZHU_EXPOSE_METRICS: 'true', JUZHU_EXPOSE_DOCS: 'true' });
  assert.deepEqual([opened.exposeMetrics, opened.exposeDocs], [true, true]);
  const shut = loadConfig({ JUZHU_EXPOSE_METRICS: 'false', JUZHU_EXPOSE_DOCS: 'false' });
  assert.deepEqual([shut.exposeMetrics, shut.exposeDocs], [false, false]);
  assert.throws(() => loadConfig({ JUZHU_EXPOSE_DOCS: 'yes' }), /JUZHU_EXPOSE_DOCS/);
});

test('JUZHU_JOBS: the scheduled jobs run in every process unless turned off', () => {
  assert.equal(loadConfig({}).jobs, true);
  assert.equal(loadConfig({ JUZHU_JOBS: 'off' }).jobs, false);
  assert.equal(loadConfig({ JUZHU_JOBS_POLL_MS: '500' }).jobsPollMs, 500);
  assert.throws(() => loadConfig({ JUZHU_JOBS: 'no' }), /JUZHU_JOBS/);
});
