// `juzhu serve` (what `npm start` runs): opens the database, migrates, seeds demo data in demo
// mode, listens, and prints the address and the demo logins.
import { loadConfig, type Config } from '../config/config.ts';
import { buildApp } from '../http/app.ts';
import { openPlatform } from './open-platform.ts';
import { buildWebPages, webPagesBuilt } from './build-web.ts';
import { seedDemo } from '../services/demo/seed-demo.ts';
import { ensureSigningKeys } from '../services/credentials/manage-signing-keys.ts';
import { DEMO_PASSWORD } from '../services/demo/demo-data.ts';
import { createJobRunner } from '../services/jobs/runner.ts';
import { platformJobs } from '../services/jobs/platform-jobs.ts';
import { demoResidents } from '../services/demo/demo-data.ts';

export async function serve(config: Config = loadConfig()): Promise<void> {
  if (!webPagesBuilt()) {
    console.log('building the web pages into web/dist (once; npm run build:web does it again)…');
    buildWebPages();
  }
  const { database, ctx } = await openPlatform(config, { listen: true });
  await ensureSigningKeys(ctx);
  const demo = config.seedDemo ? await seedDemo(ctx) : undefined;
  const jobs = config.jobs
    ? createJobRunner(ctx, platformJobs, {
        pollMs: config.jobsPollMs,
        onError: (run) => console.error(`job ${run.name} ${run.runKey} failed: ${run.error ?? ''}`),
      })
    : undefined;
  const app = await buildApp({
    ctx,
    database,
    jobs,
    trustProxy: config.trustProxy,
    expose: { metrics: config.exposeMetrics, docs: config.exposeDocs },
    logger: {
      level: config.logLevel,
      // Tokens and codes never reach the log; bodies are not logged at all.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    },
  });
  const stop = async () => {
    await app.close();
    await ctx.changes.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  const address = await app.listen({ host: config.host, port: config.port });
  const lines = [
    '',
    `juzhu is running (${config.mode} mode, ${database.kind}${database.kind === 'pglite' ? ` in ${config.dataDir}` : ''})`,
    `  wallet:    ${address}/wallet   (residents)`,
    `  verify:    ${address}/verify   (landlords, hospitals, police: check a permit)`,
    `  staff:     ${address}/staff    admin: ${address}/admin`,
    config.exposeDocs
      ? `  API:       ${address}/docs     (OpenAPI; ${address}/api/v1)`
      : `  API:       ${address}/api/v1`,
  ];
  lines.push(
    `  jobs:      ${jobs ? `running here (every ${config.jobsPollMs / 1000} s)` : 'off (JUZHU_JOBS=off)'}`,
  );
  if (config.clockStart) lines.push(`  clock:     started at ${config.clockStart.toISOString()}`);
  if (demo) {
    lines.push(
      `  logins:    ${demo.logins.map((l) => l.username).join(', ')}  (password: ${DEMO_PASSWORD})`,
      `  residents: phones ${demoResidents.map((r) => r.phone).join(', ')}; sign in with POST /api/v1/auth/otp,`,
      `             then read the code at ${address}/api/v1/dev/outbox?to=<phone>`,
    );
  }
  console.log(lines.join('\n'));
}
