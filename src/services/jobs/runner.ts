// The job runner (docs/jobs.md): a jobs table in the platform's own database, so it runs the same
// on PostgreSQL and on embedded PGlite. Each tick, every job's latest cron slot is enqueued (one
// row per job and slot, the primary key keeps it once however many processes tick); then due rows
// are taken one at a time with FOR UPDATE SKIP LOCKED and a lease, run, and marked done. A runner
// that dies mid-run leaves a lease that runs out, and the slot is run again: jobs are written to
// be idempotent (a notification has a unique key), so a second run changes nothing. A long run
// renews its lease as it goes. A run that throws is retried with a growing delay, then marked
// failed.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, lte, or, sql } from 'drizzle-orm';
import { jobRuns } from '../../db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { parseCron, type Cron } from './cron.ts';

export interface JobDefinition {
  name: string;
  /** Five-field cron, Beijing time. */
  cron: string;
  /** A slot missed (the platform was down) is still run this long after it; later ones only. */
  catchUpMs: number;
  run(ctx: ServiceContext): Promise<Record<string, unknown>>;
}

export interface JobRun {
  name: string;
  runKey: string;
  result?: Record<string, unknown>;
  error?: string;
}

export interface JobRunner {
  readonly id: string;
  /** Enqueues due slots and runs what is due, until nothing is; returns what this runner ran. */
  tick(): Promise<JobRun[]>;
  /** Runs one job now, outside its schedule (a run of its own, e.g. from a test or an operator). */
  runNow(name: string): Promise<JobRun>;
  /** Ticks every `pollMs` until stopped. */
  start(): void;
  /** Stops ticking and waits for the run in progress. */
  stop(): Promise<void>;
}

export function createJobRunner(
  ctx: ServiceContext,
  jobs: readonly JobDefinition[],
  opts: {
    id?: string;
    pollMs?: number;
    leaseMs?: number;
    maxAttempts?: number;
    onError?: (run: JobRun) => void;
  } = {},
): JobRunner {
  const id = opts.id ?? `runner-${randomUUID()}`;
  const pollMs = opts.pollMs ?? 30_000;
  const leaseMs = opts.leaseMs ?? 10 * 60_000;
  const maxAttempts = opts.maxAttempts ?? 3;
  const crons = new Map<string, Cron>(jobs.map((j) => [j.name, parseCron(j.cron)]));
  const byName = new Map(jobs.map((j) => [j.name, j]));

  const enqueueDue = async (now: Date): Promise<void> => {
    for (const job of jobs) {
      const slot = crons.get(job.name)?.latestAtOrBefore(now, job.catchUpMs);
      if (!slot) continue;
      await ctx.db
        .insert(jobRuns)
        .values({
          name: job.name,
          runKey: slot.toISOString(),
          state: 'pending',
          runAfter: slot,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
  };

  /** Takes one due run (or the given one) for this runner, or nothing. */
  const claim = async (now: Date, only?: { name: string; runKey: string }) =>
    ctx.db.transaction(async (tx) => {
      const due = or(
        and(eq(jobRuns.state, 'pending'), lte(jobRuns.runAfter, now)),
        and(eq(jobRuns.state, 'running'), lte(jobRuns.lockedUntil, now)),
      );
      const [row] = await tx
        .select({ name: jobRuns.name, runKey: jobRuns.runKey })
        .from(jobRuns)
        .where(only ? and(due, eq(jobRuns.name, only.name), eq(jobRuns.runKey, only.runKey)) : due)
        .orderBy(asc(jobRuns.runAfter))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return undefined;
      const [taken] = await tx
        .update(jobRuns)
        .set({
          state: 'running',
          lockedBy: id,
          lockedUntil: new Date(now.getTime() + leaseMs),
          attempts: sql`${jobRuns.attempts} + 1`,
        })
        .where(and(eq(jobRuns.name, row.name), eq(jobRuns.runKey, row.runKey)))
        .returning();
      return taken;
    });

  const execute = async (row: typeof jobRuns.$inferSelect): Promise<JobRun> => {
    const mine = and(eq(jobRuns.name, row.name), eq(jobRuns.runKey, row.runKey), eq(jobRuns.lockedBy, id));
    const job = byName.get(row.name);
    // A long run keeps its lease: renewed every third of it (real time), so no other runner takes the slot.
    const heartbeat = setInterval(() => {
      void ctx.db
        .update(jobRuns)
        .set({ lockedUntil: new Date(ctx.clock.now().getTime() + leaseMs) })
        .where(mine)
        .catch(() => undefined);
    }, leaseMs / 3);
    heartbeat.unref();
    try {
      if (!job) throw new Error(`no job named ${row.name} in this process`);
      const result = await job.run(ctx);
      await ctx.db
        .update(jobRuns)
        .set({ state: 'done', result, lockedBy: null, lockedUntil: null, finishedAt: ctx.clock.now() })
        .where(mine);
      return { name: row.name, runKey: row.runKey, result };
    } catch (e) {
      const error = String((e as Error)?.stack ?? e).slice(0, 2000);
      const now = ctx.clock.now();
      const giveUp = row.attempts >= maxAttempts;
      await ctx.db
        .update(jobRuns)
        .set({
          state: giveUp ? 'failed' : 'pending',
          runAfter: new Date(now.getTime() + 60_000 * 2 ** (row.attempts - 1)),
          lockedBy: null,
          lockedUntil: null,
          lastError: error,
          finishedAt: giveUp ? now : null,
        })
        .where(mine);
      const run = { name: row.name, runKey: row.runKey, error };
      opts.onError?.(run);
      return run;
    } finally {
      clearInterval(heartbeat);
    }
  };

  const tick = async (): Promise<JobRun[]> => {
    const now = ctx.clock.now();
    await enqueueDue(now);
    const ran: JobRun[] = [];
    // Bounded: a tick never runs for ever, whatever is queued.
    for (let i = 0; i < 100; i++) {
      const row = await claim(now);
      if (!row) break;
      ran.push(await execute(row));
    }
    return ran;
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  const loop = (): void => {
    timer = setTimeout(() => {
      running = tick()
        .catch((e: unknown) => opts.onError?.({ name: '(tick)', runKey: '', error: String(e) }))
        .finally(() => {
          if (!stopped) loop();
        });
    }, pollMs);
    timer.unref();
  };

  return {
    id,
    tick,
    async runNow(name) {
      if (!byName.has(name)) throw new RangeError(`no job named ${name}`);
      const now = ctx.clock.now();
      const runKey = `manual:${now.toISOString()}:${randomUUID()}`;
      await ctx.db.insert(jobRuns).values({ name, runKey, state: 'pending', runAfter: now, createdAt: now });
      const row = await claim(now, { name, runKey });
      if (!row) throw new Error(`run ${name} ${runKey} was taken by another runner`);
      return execute(row);
    },
    start() {
      if (!stopped) return;
      stopped = false;
      // The first tick right away: a server started after 09:00 sends the morning's reminders.
      running = tick()
        .catch((e: unknown) => opts.onError?.({ name: '(tick)', runKey: '', error: String(e) }))
        .finally(() => {
          if (!stopped) loop();
        });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
