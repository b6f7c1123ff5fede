// What every use case receives: given, never imported as singletons, so tests build their own.
import type { Db } from '../db/client.ts';
import type { Clock } from '../domain/clock.ts';
import type { Policy, PolicySource } from '../domain/policy.ts';
import type { WorkingDayCalendar } from '../domain/calendar/working-days.ts';
import type { BlobStorage } from '../ports/blob-storage.ts';
import type { RealNameVerifier } from '../ports/real-name-verifier.ts';
import type { SmsSender } from '../ports/sms-sender.ts';
import type { SigningAlg } from '../credentials/index.ts';
import type { KeyRing } from './credentials/key-ring.ts';
import type { TtlCache } from './cache/ttl-cache.ts';
import type { ChangeBus } from './changes/change-bus.ts';
import type { cards } from '../db/schema/index.ts';
import type { statusListCache } from './credentials/status-list-tokens.ts';
import type { PersonalCipher } from '../crypto/personal-cipher.ts';

export interface CredentialSettings {
  kek: Uint8Array;
  signingAlg: SigningAlg;
  codeLifetimeSeconds: number;
  skewSeconds: number;
  /** How long an offline verifier may rely on a cached status list (the token's ttl). */
  statusListTtlSeconds: number;
  /** The status list token's exp, after which it is not to be used at all. */
  statusListValiditySeconds: number;
  trustListValiditySeconds: number;
  /** Base URL outside clients reach (status list URIs). */
  publicUrl: string;
}

export interface ServiceContext {
  db: Db;
  clock: Clock;
  policy: Policy;
  /** JUZHU_POLICY_FILE and the settings it gave (the rest are defaults), for the admin page. */
  policySource: PolicySource;
  /** The working-day calendar with the admin's overrides, read fresh when they change. */
  calendar(): Promise<WorkingDayCalendar>;
  /** Changes announced by writers (writeAndAnnounce), heard by every cache of every process. */
  changes: ChangeBus;
  realName: RealNameVerifier;
  /** SMS through the given database handle (the dev outbox writes in the caller's transaction). */
  sms(db: Db): SmsSender;
  storage(db: Db): BlobStorage;
  mode: 'demo' | 'production';
  otpTtlSeconds: number;
  sessionTtlSeconds: number;
  /** A staff session unused this long ends (SESSION_EXPIRED); residents' sessions have no idle limit. */
  staffIdleSeconds: number;
  /**
   * Whether officers and administrators must sign in with a TOTP code (NIST SP 800-63B AAL2):
   * `required` in production, `optional` in the demo (an enrolled account is always asked).
   */
  staffSecondFactor: 'required' | 'optional';
  credentials: CredentialSettings;
  /** Seals, opens and indexes personal data (src/crypto); its keys are loaded by loadDataKeys. */
  personal: PersonalCipher;
  keys: KeyRing;
  statusListCache: ReturnType<typeof statusListCache>;
  /** Seconds-long caches of the hottest reads; see src/services/cache/ttl-cache.ts. */
  hot: HotCaches;
  limits: {
    /** POST /verify without a verifier key, per client address. */
    verificationsPerMinutePerAddress: number;
    /** POST /verify with a verifier organisation's key, per organisation. */
    verificationsPerMinutePerOrg: number;
    /** POST /auth/otp per client address and hour, whatever the phones (issue 9, finding 5). */
    otpSendsPerHourPerAddress: number;
    /** POST /auth/otp/verify per client address and hour, whatever the phones. */
    otpVerifiesPerHourPerAddress: number;
  };
}

/** What the display-code route reads of a card and its holder. */
export interface DisplayCardRead {
  card: Pick<
    typeof cards.$inferSelect,
    | 'holderId'
    | 'kind'
    | 'source'
    | 'storedStatus'
    | 'number'
    | 'version'
    | 'issuedOn'
    | 'validUntil'
    | 'endorsementDueOn'
    | 'residenceCountFrom'
    | 'districtCode'
    | 'statusList'
    | 'statusIndex'
  >;
  holderName: string | null;
}

export interface HotCaches {
  /** Token hash → who, until when the session runs, and (staff) when it was last recorded as used. */
  sessions: TtlCache<string, { principal: Principal; expiresAt: number; lastSeenAt: number }>;
  /** Card id → the card row and its holder's name, as the display-code route reads them. */
  cards: TtlCache<string, DisplayCardRead>;
}

export type Channel = 'online' | 'window' | 'api' | 'cli' | 'system';

export type StaffRole = 'clerk' | 'officer' | 'community_police' | 'admin';

export type Principal =
  | { kind: 'resident'; residentId: string }
  | {
      kind: 'staff';
      staffId: string;
      role: StaffRole;
      stationId: string | null;
      districtCode: string | null;
    };

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;
