// What every command that works on the database needs: the database (migrated, or checked to be
// when JUZHU_MIGRATE is off) and the service
// context wired from the configuration. On PostgreSQL every command announces its changes to the
// running servers (NOTIFY); a server (`listen`) also hears theirs, on its own connection.
// PGlite is one process: its announcements stay in it.
import type { Config } from '../config/config.ts';
import { clockStartingAt, systemClock } from '../domain/clock.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { httpRealNameVerifier } from '../adapters/http-real-name-verifier.ts';
import { httpSmsGateway } from '../adapters/http-sms-gateway.ts';
import { createServiceContext } from '../services/create-context.ts';
import type { ServiceContext } from '../services/context.ts';
import { loadOrCreateDemoKek } from './demo-kek.ts';
import { loadDataKeys } from '../services/personal-data/load-data-keys.ts';
import { sealPlainResidents } from '../services/personal-data/seal-plain-residents.ts';
import { indexPlainKeys } from '../services/personal-data/index-plain-keys.ts';
import { indexLegacyCards } from '../services/personal-data/index-legacy-cards.ts';
import { sealLegacyCards } from '../services/personal-data/seal-legacy-cards.ts';
import { sealPlainMaterials } from '../services/personal-data/seal-plain-materials.ts';
import { sealPlainAddresses } from '../services/personal-data/seal-plain-addresses.ts';
import { sealPlainStaffNotes } from '../services/personal-data/seal-plain-staff-notes.ts';
import { sealPlainNotifications } from '../services/personal-data/seal-plain-notifications.ts';
import { sealPlainReplays } from '../services/personal-data/seal-plain-replays.ts';
import { sealPlainFormProofs } from '../services/personal-data/seal-plain-form-proofs.ts';
import { createChangeBus } from '../services/changes/change-bus.ts';
import { listenForChanges, notifyChange, type ChannelHandlers } from '../db/change-channel.ts';

export async function openPlatform(
  config: Config,
  opts: { listen?: boolean } = {},
): Promise<{ database: Database; ctx: ServiceContext }> {
  const database = openDatabase(config);
  const url = config.databaseUrl;
  const changes =
    url === undefined
      ? createChangeBus()
      : createChangeBus({
          notify: notifyChange,
          ...(opts.listen ? { listen: (on: ChannelHandlers) => listenForChanges(url, on) } : {}),
        });
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
    staffSecondFactor: config.staffSecondFactor,
    hotCacheMs: config.hotCacheMs,
    changes,
    limits: {
      verificationsPerMinutePerAddress: config.verifyPerMinute,
      verificationsPerMinutePerOrg: config.verifyPerMinutePerOrg,
      otpSendsPerHourPerAddress: config.otpSendsPerHourPerAddress,
      otpVerifiesPerHourPerAddress: config.otpVerifiesPerHourPerAddress,
    },
    credentials: {
      kek: config.kek ?? loadOrCreateDemoKek(config.dataDir),
      signingAlg: config.signingAlg,
      codeLifetimeSeconds: config.codeLifetimeSeconds,
      skewSeconds: config.codeSkewSeconds,
      publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
    },
  });
  // The personal-data keys, then any row still in clear from an older release sealed: under the
  // migration lock, so no process serves before the data are in the form this release reads.
  const prepareData = async () => {
    await loadDataKeys(ctx);
    await sealPlainResidents(ctx);
    await indexPlainKeys(ctx);
    await indexLegacyCards(ctx);
    await sealLegacyCards(ctx);
    await sealPlainMaterials(ctx);
    await sealPlainAddresses(ctx);
    await sealPlainStaffNotes(ctx);
    await sealPlainNotifications(ctx);
    await sealPlainReplays(ctx);
    await sealPlainFormProofs(ctx);
  };
  if (config.migrateOnStart) await database.migrate(prepareData);
  else {
    await database.assertMigrated();
    await prepareData();
  }
  return { database, ctx };
}
