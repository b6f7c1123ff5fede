// Wires the services for a process: the database, the clock, the policy and the adapters for
// what cannot exist here (SMS gateway, real-name authority) in their demo forms.
import type { Database } from '../db/client.ts';
import { postgresBlobStorage } from '../db/blob-storage.ts';
import { devOutboxSms } from '../adapters/dev-outbox-sms.ts';
import { demoRealNameVerifier } from '../adapters/demo-real-name-verifier.ts';
import type { Clock } from '../domain/clock.ts';
import { defaultPolicy, type Policy, type PolicySource } from '../domain/policy.ts';
import type { DisplayCardRead, Principal, ServiceContext } from './context.ts';
import type { RealNameVerifier } from '../ports/real-name-verifier.ts';
import type { SmsSender } from '../ports/sms-sender.ts';
import type { Db } from '../db/client.ts';
import { calendarLoader } from './calendar/load-calendar.ts';
import type { CredentialSettings } from './context.ts';
import { createKeyRing } from './credentials/key-ring.ts';
import { statusListCache } from './credentials/status-list-tokens.ts';
import { createTtlCache } from './cache/ttl-cache.ts';
import { createChangeBus, type ChangeBus } from './changes/change-bus.ts';
import { createPersonalCipher } from '../crypto/personal-cipher.ts';

export interface ContextOptions {
  database: Database;
  clock: Clock;
  mode: 'demo' | 'production';
  policy?: Policy;
  policySource?: PolicySource;
  otpTtlSeconds?: number;
  sessionTtlSeconds?: number;
  staffIdleSeconds?: number;
  staffSecondFactor?: 'required' | 'optional';
  /** Production adapters; demo mode uses the dev outbox and the demo real-name check. */
  sms?: (db: Db) => SmsSender;
  realName?: RealNameVerifier;
  /**
   * How long the hottest reads (sessions, cards, the key ring) may be served from this process's
   * memory should a change announcement be missed (0: never).
   */
  hotCacheMs?: number;
  /** How this process hears of changes; default: alone (PGlite, tests, one-shot commands). */
  changes?: ChangeBus;
  limits?: Partial<ServiceContext['limits']>;
  credentials: Omit<
    CredentialSettings,
    'statusListTtlSeconds' | 'statusListValiditySeconds' | 'trustListValiditySeconds'
  > &
    Partial<CredentialSettings>;
}

export function createServiceContext(opts: ContextOptions): ServiceContext {
  if (opts.mode === 'production' && (!opts.sms || !opts.realName)) {
    throw new Error('production mode needs an SMS gateway and a real-name verifier adapter');
  }
  const changes = opts.changes ?? createChangeBus();
  const calendar = calendarLoader(opts.database.db, changes);
  const hotCacheMs = opts.hotCacheMs ?? 2000;
  const hot = {
    sessions: createTtlCache<string, { principal: Principal; expiresAt: number; lastSeenAt: number }>({
      ttlMs: () => changes.ttl(hotCacheMs),
      maxEntries: 50_000,
      clock: opts.clock,
    }),
    cards: createTtlCache<string, DisplayCardRead>({
      ttlMs: () => changes.ttl(hotCacheMs),
      maxEntries: 50_000,
      clock: opts.clock,
    }),
  };
  changes.subscribe((heard) => {
    if (heard.kind === 'session') hot.sessions.delete(heard.tokenHash);
    // Cached by token hash: a person's sessions are found by dropping all (a rare event).
    if (heard.kind === 'sessions_of' || heard.kind === 'missed') hot.sessions.clear();
    if (heard.kind === 'card') hot.cards.delete(heard.id);
    if (heard.kind === 'missed') hot.cards.clear();
  });
  const personal = createPersonalCipher();
  return {
    db: opts.database.db,
    clock: opts.clock,
    policy: opts.policy ?? { ...defaultPolicy },
    policySource: opts.policySource ?? { file: null, settings: [] },
    calendar: () => calendar.get(),
    changes,
    realName: opts.realName ?? demoRealNameVerifier,
    sms: opts.sms ?? devOutboxSms(personal),
    storage: postgresBlobStorage,
    mode: opts.mode,
    otpTtlSeconds: opts.otpTtlSeconds ?? 300,
    sessionTtlSeconds: opts.sessionTtlSeconds ?? 12 * 3600,
    staffIdleSeconds: opts.staffIdleSeconds ?? 1800,
    staffSecondFactor: opts.staffSecondFactor ?? (opts.mode === 'production' ? 'required' : 'optional'),
    credentials: {
      statusListTtlSeconds: 300,
      statusListValiditySeconds: 24 * 3600,
      trustListValiditySeconds: 7 * 24 * 3600,
      ...opts.credentials,
    },
    personal,
    keys: createKeyRing(opts.database.db, opts.credentials.kek, changes, hotCacheMs),
    statusListCache: statusListCache(60_000, changes),
    limits: {
      verificationsPerMinutePerAddress: 120,
      verificationsPerMinutePerOrg: 3000,
      otpSendsPerHourPerAddress: 20,
      otpVerifiesPerHourPerAddress: 50,
      ...opts.limits,
    },
    hot,
  };
}
