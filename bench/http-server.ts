// A server for the HTTP benchmark, run as a child process:
//   node bench/http-server.ts <app|constant|sign> <workers: 1|2> <postgres url>
// with the key-encryption key in BENCH_KEK (base64). One worker serves in this process; two are
// node:cluster workers sharing one port (the primary hands out connections round-robin). Every
// serving process prints `ready <pid> <port>` once it listens; the bench waits for all of them.
import cluster from 'node:cluster';
import Fastify, { type FastifyInstance } from 'fastify';
import { openPostgres } from '../src/db/client.ts';
import { buildApp } from '../src/http/app.ts';
import { benchContext } from './http-fixture.ts';
import { createChangeBus } from '../src/services/changes/change-bus.ts';
import { createKeyRing } from '../src/services/credentials/key-ring.ts';
import { signCose } from '../src/credentials/sign-cose.ts';
import { newDisplayClaims } from '../src/credentials/sign-display-code.ts';
import { encodeBase45 } from '../src/verify/base45.ts';
import { encodeCbor } from '../src/verify/cbor.ts';
import { DISPLAY_CODE_PREFIX } from '../src/verify/decode-display-code.ts';
import { claimsToCbor } from '../src/verify/display-claims.ts';
import { BARE_ROUTE, serverModes, type ServerMode } from './server-process.ts';
import { loadDataKeys } from '../src/services/personal-data/load-data-keys.ts';

const [mode, workersArg, databaseUrl] = process.argv.slice(2) as [ServerMode, string, string];
const workers = Number(workersArg);
if (!serverModes.includes(mode) || !(workers === 1 || workers === 2) || !databaseUrl) {
  throw new Error('usage: http-server.ts <app|constant|sign> <1|2> <postgres url>');
}
const kek = new Uint8Array(Buffer.from(process.env.BENCH_KEK ?? '', 'base64'));
if (kek.length !== 32) throw new Error('BENCH_KEK must be 32 bytes, base64');

if (cluster.isPrimary) {
  // The bench holds our stdin: when it closes, the bench is gone (even killed), and so are we.
  process.stdin.on('end', () => process.exit(0)).resume();
}

if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  // A worker that dies takes the layout with it: the bench sees this process end and fails.
  cluster.on('exit', (worker, code, signal) => {
    console.error(`worker ${worker.process.pid} ended (${signal ?? code})`);
    process.exit(1);
  });
} else {
  // Workers whose primary was killed end too.
  if (cluster.isWorker) process.on('disconnect', () => process.exit(0));
  const app = await build(mode);
  // Port 0 in a cluster: the primary picks one port and every worker gets the same.
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`ready ${process.pid} ${port}`);
}

async function build(m: ServerMode): Promise<FastifyInstance> {
  if (m === 'app' || m === 'app-uncached') {
    // As `juzhu serve` with DATABASE_URL: logger off, the default pool unless BENCH_POOL_SIZE
    // sets one (to try sizes against the same load).
    const poolSize = Number(process.env.BENCH_POOL_SIZE);
    const database = poolSize > 0 ? openPostgres(databaseUrl, poolSize) : openPostgres(databaseUrl);
    const ctx = benchContext(database, kek, m === 'app-uncached' ? 0 : undefined);
    await loadDataKeys(ctx);
    return buildApp({ ctx, database });
  }
  const app = Fastify({ logger: false });
  if (m === 'constant') {
    const body = { ok: true };
    app.post(BARE_ROUTE, (_req, reply) => reply.send(body));
    return app;
  }
  // The app's own display-code key, unlocked the app's way; then per request only the COSE
  // signature and base45 of one fixed payload of a display code's size.
  const database = openPostgres(databaseUrl, 1);
  const now = new Date();
  const signer = await createKeyRing(database.db, kek, createChangeBus(), 0).signer('display_code', now);
  await database.close();
  if (!signer) throw new Error('no display-code signing key in the database');
  const payload = encodeCbor(
    claimsToCbor(
      newDisplayClaims(
        {
          kind: 'residence_permit',
          cardNumber: 'JZ110105202400017',
          cardVersion: 1,
          validUntil: '2027-03-01',
          statusAtIssue: 'valid',
          districtCode: '110105',
          maskedName: '王*明',
          statusList: { list: 1, index: 101_234 },
        },
        now,
      ),
    ),
  );
  app.post(BARE_ROUTE, (_req, reply) =>
    reply.send({ code: DISPLAY_CODE_PREFIX + encodeBase45(signCose(payload, signer)) }),
  );
  return app;
}
