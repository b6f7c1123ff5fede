#!/usr/bin/env node
// The juzhu command line: serve, migrate, keys, otp-purge, audit verify, grant-app-role, import legacy,
// calendar, visits, cards revoke, verify. Checks its arguments and the configuration first; a
// usage or configuration error exits 2, a code that is not valid 1.
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/config.ts';
import { UsageError, type VerifyCommandOptions } from './usage-error.ts';
import { isAppError } from '../domain/errors.ts';
import type { VisitsListOptions } from './visits-command.ts';
import { systemActor } from '../services/actor.ts';

// Commands load what they need when they run: `juzhu verify` starts without the server's modules.
const platform = () => import('./open-platform.ts');
const signingKeys = () => import('../services/credentials/manage-signing-keys.ts');

const program = new Command('juzhu').description('Electronic residence permits (居住证)');

program
  .command('serve', { isDefault: true })
  .description('run the platform (demo mode on embedded PGlite unless configured otherwise)')
  .action(async () => (await import('./serve.ts')).serve(loadConfig()));

program
  .command('migrate')
  .description('apply the database migrations and exit')
  .action(async () => {
    // The platform opened with migration on: the migrations, then the start-up data steps
    // (personal-data keys, rows of older releases sealed).
    const { database } = await (await platform()).openPlatform({ ...loadConfig(), migrateOnStart: true });
    await database.close();
    console.log('migrations applied');
  });

const keys = program.command('keys').description('display-code signing keys');
keys
  .command('rotate')
  .description('retire the current display-code key (it stays trusted for verification) and start a new one')
  .option('--alg <alg>', 'ES256 (default) or EdDSA')
  .action(async (opts: { alg?: string }) => {
    if (opts.alg !== undefined && opts.alg !== 'ES256' && opts.alg !== 'EdDSA')
      throw new UsageError('--alg must be ES256 or EdDSA');
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    const { ensureSigningKeys, rotateDisplayCodeKey } = await signingKeys();
    try {
      await ensureSigningKeys(ctx);
      const r = await rotateDisplayCodeKey(ctx, systemActor('cli'), opts.alg);
      console.log(
        `new key ${r.kid}; retired ${r.retired.join(', ') || 'none'} (still verifying during the grace period)`,
      );
    } finally {
      await database.close();
    }
  });
keys
  .command('list')
  .description('the signing keys and their windows (public parts only)')
  .action(async () => {
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    try {
      for (const k of await ctx.keys.all()) {
        const r = k.record;
        console.log(
          `${r.kid}  ${k.purpose.padEnd(12)} ${r.alg.padEnd(6)} from ${r.createdAt}  signs until ${r.signUntil ?? '—'}  verifies until ${r.verifyUntil ?? '—'}`,
        );
      }
    } finally {
      await database.close();
    }
  });

program
  .command('otp-purge')
  .description('delete the login codes that have expired and no longer count in any limit (schedule it)')
  .action(async () => {
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    const { purgeExpiredOtpCodes } = await import('../services/auth/purge-expired-otp-codes.ts');
    try {
      console.log(`${await purgeExpiredOtpCodes(ctx)} expired login codes deleted`);
    } finally {
      await database.close();
    }
  });

const visits = program.command('visits').description('verification visits (R14)');
visits
  .command('list')
  .description('visit tasks of the city (or of a station): open first, earliest due first')
  .option('--station <id>', "only the streets this station's community police serve")
  .option('--status <status...>', 'open, confirmed, needs_review, revoked, kept, superseded')
  .option('--overdue', 'only open visits past their due date')
  .option('--json', 'print the visits as JSON')
  .action(async (opts: VisitsListOptions) => {
    const command = await import('./visits-command.ts');
    command.checkStatuses(opts.status);
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    try {
      console.log(await command.visitsList(ctx, opts));
    } finally {
      await database.close();
    }
  });

program
  .command('cards')
  .description('cards')
  .command('revoke <number>')
  .description(
    'revoke the version in use of a card number, with a reason the holder sees (audited as the CLI)',
  )
  .requiredOption('--reason <text>', 'the reason the holder sees')
  .action(async (number: string, opts: { reason: string }) => {
    const { cardsRevoke } = await import('./visits-command.ts');
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    try {
      console.log(await cardsRevoke(ctx, number, opts.reason));
    } catch (e) {
      // A refusal (no such card in use, already revoked, an empty reason) in one line, exit 1.
      if (!isAppError(e)) throw e;
      console.error(`juzhu: ${e.code}: ${e.message}`);
      process.exitCode = 1;
    } finally {
      await database.close();
    }
  });

const calendar = program.command('calendar').description('the official working-day calendar');
calendar
  .command('load <file>')
  .description(
    "load a year's official arrangement, JSON { year, daysOff: [dates], makeUpWorkingDays: [dates] }, and recount the provisional due dates",
  )
  .action(async (file: string) => {
    const { readCalendarYearFile } = await import('./calendar-file.ts');
    const year = await readCalendarYearFile(file);
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    const { loadCalendarYear } = await import('../services/admin/manage-calendar.ts');
    try {
      const loaded = await loadCalendarYear(ctx, systemActor('cli'), year);
      console.log(
        `calendar ${year.year} loaded: ${year.daysOff.length} days off, ${year.makeUpWorkingDays.length} make-up working days; ${loaded.recomputed} provisional due dates recounted (${loaded.applications} of applications, ${loaded.visits} of visits)`,
      );
    } finally {
      await database.close();
    }
  });

program
  .command('staff-totp <username>')
  .description(
    "enrol (or replace) a staff account's TOTP second factor; prints the secret and its otpauth:// URI once",
  )
  .action(async (username: string) => {
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    const { enrolStaffTotp } = await import('../services/auth/staff-totp.ts');
    const { findStaffMember } = await import('../db/repositories/staff.ts');
    try {
      const member = await findStaffMember(ctx.db, { username });
      if (!member) throw new UsageError(`no staff account named ${username}`);
      const { secret, uri } = await enrolStaffTotp(ctx, systemActor('cli'), member.id);
      console.log(`secret: ${secret}\nuri:    ${uri}\n(shown once: enter it in the authenticator app now)`);
    } finally {
      await database.close();
    }
  });

program
  .command('materials-purge')
  .description('delete the files of withdrawn and rejected applications past their retention (schedule it)')
  .action(async () => {
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    const { purgeExpiredMaterials } = await import('../services/applications/purge-expired-materials.ts');
    try {
      console.log(`${await purgeExpiredMaterials(ctx)} files past their retention deleted`);
    } finally {
      await database.close();
    }
  });

const audit = program.command('audit').description('the tamper-evident audit log');
audit
  .command('verify')
  .description('recompute the hash chain of the audit log; exit 0 only when it is intact')
  .option('--anchor <seq:hash>', 'a link recorded earlier (seq and hex hash) that must still be in the chain')
  .action(async (opts: { anchor?: string }) => {
    const anchor = opts.anchor === undefined ? undefined : /^(\d{1,15}):([0-9a-fA-F]{64})$/.exec(opts.anchor);
    if (opts.anchor !== undefined && !anchor) throw new UsageError('--anchor must be <seq>:<64 hex digits>');
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    const { verifyAuditChain } = await import('../services/audit/verify-audit-chain.ts');
    try {
      const report = await verifyAuditChain(ctx, {
        anchor: anchor ? { seq: Number(anchor[1]), hash: anchor[2]! } : undefined,
      });
      for (const f of report.findings) {
        console.log(`${f.problem}: seq ${f.seq ?? '—'}${f.id === null ? '' : `, row id ${f.id}`}`);
      }
      console.log(
        `${report.intact ? 'audit chain intact' : 'AUDIT CHAIN BROKEN'}: ${report.rows} rows; head ${report.head.seq}:${report.head.hash}`,
      );
      process.exitCode = report.intact ? 0 : 1;
    } finally {
      await database.close();
    }
  });

program
  .command('grant-app-role <role>')
  .description(
    'PostgreSQL: grant an existing role what the running platform needs and no more (run as the owner)',
  )
  .action(async (role: string) => {
    const { database } = await (await platform()).openPlatform(loadConfig());
    const { grantAppRole } = await import('../db/app-role.ts');
    try {
      if (database.kind !== 'postgres')
        throw new UsageError('grant-app-role needs DATABASE_URL (PostgreSQL)');
      await grantAppRole(database.db, role);
      console.log(`granted ${role} the platform's privileges; on the audit log it may only append`);
    } finally {
      await database.close();
    }
  });

const importCommand = program
  .command('import')
  .description('bring data from other systems into the register');
importCommand
  .command('legacy <file>')
  .description(
    "import the old card system's CSV export (R10): every row checked, all or nothing, idempotent; exit 1 when refused",
  )
  .option('--dry-run', 'check the whole file against the register, write nothing')
  .option('--report <file>', 'write the bad rows (line, field, reason, message) to this CSV file')
  .option('--json', 'print the report as JSON')
  .action(async (file: string, opts: { dryRun?: boolean; report?: string; json?: boolean }) => {
    const { database, ctx } = await (await platform()).openPlatform(loadConfig());
    const { runImportLegacy } = await import('./import-legacy-command.ts');
    try {
      const report = await runImportLegacy(ctx, file, opts);
      process.exitCode = report.outcome === 'refused' ? 1 : 0;
    } finally {
      await database.close();
    }
  });

program
  .command('verify <code>')
  .description('verify a display code offline with the verifier library; exit 0 only when valid')
  .option('--server <url>', 'fetch the trust anchor, trust list and status list from this server')
  .option('--anchor <file>', "trust anchor(s), JSON (pinned; overrides the server's)")
  .option('--trust-list <file>', 'a cached trust list (CWT bytes)')
  .option('--status-list <n=file...>', 'cached status list(s) (CWT bytes)')
  .option('--now <iso>', 'verify as at this time (default: now)')
  .option('--skew <seconds>', 'tolerated clock skew', '10')
  .option('--challenge <challenge>', 'require this challenge (challenge mode)')
  .option('--json', 'print the outcome as JSON')
  .action(async (code: string, opts: VerifyCommandOptions & { json?: boolean }) => {
    const { formatOutcome, runVerify } = await import('./verify-command.ts');
    const outcome = await runVerify(code, opts);
    if (opts.json) {
      const claims = outcome.claims
        ? { ...outcome.claims, codeId: Buffer.from(outcome.claims.codeId).toString('hex') }
        : undefined;
      console.log(JSON.stringify({ result: outcome.result, ...(claims ? { claims } : {}) }));
    } else {
      console.log(formatOutcome(outcome));
    }
    process.exitCode = outcome.result === 'valid' ? 0 : 1;
  });

program.parseAsync().catch((e: unknown) => {
  if (e instanceof ConfigError) {
    console.error(`configuration error: ${e.message}`);
    process.exit(2);
  }
  if (e instanceof Error && e.name === 'SchemaBehindError') {
    console.error(`juzhu: ${e.message}`);
    process.exit(2);
  }
  if (e instanceof UsageError) {
    console.error(`juzhu: ${e.message}`);
    process.exit(2);
  }
  if (isAppError(e)) {
    // A refusal of a use case (src/domain/errors.ts): its code and what it names, no stack.
    console.error(`juzhu: ${e.code}: ${e.message} ${JSON.stringify(e.params)}`);
    process.exit(1);
  }
  console.error(e);
  process.exit(1);
});
