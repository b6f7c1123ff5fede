// What every command that works on the database needs: the database (migrated) and the service
// context wired from the configuration.
import type { Config } from '../config/config.ts';
import { clockStartingAt, systemClock } from '../domain/clock.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { httpRealNameVerifier } from '../adapters/http-real-name-verifier.ts';
import { httpSmsGateway } from '../adapters/http-sms-gateway.ts';
import { createServiceContext } from '../services/create-context.ts';
import type { ServiceContext } from '../services/context.ts';
import { loadOrCreateDemoKek } from './demo-kek.ts';

export async function openPlatform(config: Config): Promise<{ database: Database; ctx: ServiceContext }> {
  const database = openDatabase(config);
  await database.migrate();
  const sms = config.smsGateway ? httpSmsGateway(config.smsGateway) : undefined;
  const ctx = createServiceContext({
    database,
    clock: config.clockStart ? clockStartingAt(config.clockStart) : systemClock,
    mode: config.mode,
    policy: config.policy,
    policySource: config.policySource,
    ...(config.realNameProvider ? { realName: httpRealNameVerifier(config.realNameProvider) } : {}),
    ...(sms ? { sms: () => sms } : {}),
    otpTtlSeconds: config.otpTtlSeconds,
    sessionTtlSeconds: config.sessionTtlSeconds,
    staffIdleSeconds: config.staffIdleSeconds,
    hotCacheMs: config.hotCacheMs,
    limits: {
      verificationsPerMinutePerAddress: config.verifyPerMinute,
      verificationsPerMinutePerOrg: config.verifyPerMinutePerOrg,
    },
    credentials: {
      kek: config.kek ?? loadOrCreateDemoKek(config.dataDir),
      signingAlg: config.signingAlg,
      codeLifetimeSeconds: config.codeLifetimeSeconds,
      skewSeconds: config.codeSkewSeconds,
      publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
    },
  });
  return { database, ctx };
}
