// `npm run bench:queue` (or `node bench/staff-queue.ts [applications]`, default 100,000; QUEUE_ROWS
// too; QUEUE_REQUESTS sets the timed requests per case, default 200; QUEUE_KEEP=1 keeps the
// database for a look with psql): the staff queue
// (GET /api/v1/staff/applications, issue 7) of one district holding that many applications, on the
// PostgreSQL server BENCH_DATABASE_URL (a throwaway database, dropped at the end).
//
// The database is migrated and seeded with the demo; then as many residents (Chinese names, valid
// ID numbers) and applications (spread over statuses, types, channels, streets and two years of
// dates) are written in 朝阳区 (110105) by two set-based statements, and VACUUM ANALYZE'd as
// autovacuum would after a load. Each case is asked of the real app (buildApp, routes, auth, schema
// validation and serialisation) as the district's demo officer through inject(): the time is what
// the server spends on a request, without a socket and an HTTP client sharing this process's core
// (the machine is shared; a client would add its own noise, not the server's). Each case: 20
// warm-up requests, then N sequential ones; p50/p99/max, PASS when p99 < 50 ms. Then the SQL each
// case ran (captured by a drizzle logger on a second drizzle over the app's own pool) is shown
// with EXPLAIN (ANALYZE, BUFFERS), and whether it reads the big tables by index or sequentially.
import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import pgClient from 'pg';
import { openPostgres, type Database } from '../src/db/client.ts';
import * as schema from '../src/db/schema/index.ts';
import { listStreets } from '../src/domain/address/beijing-divisions.ts';
import { makeTestIdNumber } from '../src/domain/identity/id-number.fixtures.ts';
import { buildApp } from '../src/http/app.ts';
import { ensureSigningKeys } from '../src/services/credentials/manage-signing-keys.ts';
import { DEMO_PASSWORD } from '../src/services/demo/demo-data.ts';
import { seedDemo } from '../src/services/demo/seed-demo.ts';
import { benchContext, DEFAULT_BENCH_DATABASE_URL } from './http-fixture.ts';
import { table } from './measure.ts';
import { loadDataKeys } from '../src/services/personal-data/load-data-keys.ts';
import type { PersonalCipher } from '../src/crypto/personal-cipher.ts';

const rows = Number(process.argv[2] ?? process.env.QUEUE_ROWS ?? 100_000);
if (!Number.isSafeInteger(rows) || rows < 1000) throw new Error('applications: a whole number ≥ 1000');
const requests = Number(process.env.QUEUE_REQUESTS ?? 200);
if (!Number.isSafeInteger(requests) || requests < 10) throw new Error('QUEUE_REQUESTS: a whole number ≥ 10');
const serverUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const DISTRICT = '110105';
const STATION = 'ps-110105-jg';
const TARGET_P99_MS = 50;
const WARM_UP = 20;

async function admin(statement: string): Promise<void> {
  const client = new pgClient.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

// Common surnames, roughly by frequency (王 and 李 each ~7 %), and given-name characters.
const SURNAMES =
  '王王王王王王王李李李李李李李张张张张张张刘刘刘刘刘陈陈陈陈杨杨杨黄黄赵赵吴吴周周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽';

interface Generated {
  ids: string[];
  names: string[];
  sexes: string[];
  births: string[];
}

/** Residents: a deterministic spread of names, sexes, birth dates (1950–2007) and unique ID numbers. */
function residentsOf(n: number): Generated {
  const regions = ['110105', '130102', '340104', '320102', '370102', '410105', '510104', '420102'];
  const out: Generated = { ids: [], names: [], sexes: [], births: [] };
  const base = Date.UTC(1950, 0, 1);
  for (let i = 0; i < n; i++) {
    // (region, birth date, seq) is unique per i: seq = i mod 1000, the date steps every 1000.
    const seq = i % 1000;
    const day = Math.floor(i / 1000) * 97 + ((i * 7919) % 97);
    const birth = new Date(base + (day % 20_800) * 86_400_000).toISOString().slice(0, 10);
    const region = regions[Math.floor(i / 1000) % regions.length]!;
    const h = (i * 2_654_435_761) >>> 0;
    const surname = SURNAMES[h % SURNAMES.length]!;
    const given = GIVEN[(h >>> 8) % GIVEN.length]! + (h % 3 === 0 ? '' : GIVEN[(h >>> 16) % GIVEN.length]!);
    out.ids.push(makeTestIdNumber(region, birth, seq));
    out.names.push(surname + given);
    out.sexes.push(seq % 2 === 1 ? 'male' : 'female');
    out.births.push(birth);
  }
  return out;
}

/** The residents and one application each, by two INSERT … SELECT FROM unnest/generate_series. */
async function generate(pool: pg.Pool, cipher: PersonalCipher, people: Generated): Promise<void> {
  const streets = listStreets(DISTRICT).map((s) => s.code);
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(
      `create temp table bench_people on commit drop as
         select row_number() over () as n, id_number_index, id_number_sealed, name_index, name_sealed, sex,
                birth_date::date as birth_date, address_sealed
         from unnest($1::bytea[], $2::bytea[], $3::bytea[], $4::bytea[], $5::text[], $6::text[], $7::bytea[])
           as t(id_number_index, id_number_sealed, name_index, name_sealed, sex, birth_date, address_sealed)`,
      [
        people.ids.map((id) => Buffer.from(cipher.index('id_number', id))),
        people.ids.map((id) => Buffer.from(cipher.seal('residents.id_number', id))),
        people.names.map((n) => Buffer.from(cipher.index('name', n))),
        people.names.map((n) => Buffer.from(cipher.seal('residents.name', n))),
        people.sexes,
        people.births,
        // The application's address, sealed as the platform writes it (the queue never opens it).
        people.ids.map((_, i) =>
          Buffer.from(
            cipher.seal(
              'applications.address_detail',
              `幸福里 ${(i % 300) + 1} 号楼 ${(i % 6) + 1}0${(i % 4) + 1}`,
            ),
          ),
        ),
      ],
    );
    await client.query(
      `insert into residents (id, id_number_index, id_number_sealed, name_index, name_sealed, sex, birth_date,
                              identity_bound_at, created_at)
       select gen_random_uuid(), id_number_index, id_number_sealed, name_index, name_sealed, sex, birth_date,
              now() - interval '3 years', now() - interval '3 years'
       from bench_people`,
    );
    // One application per resident. Due dates over two years ending in two months (the open ones
    // in the last weeks and the weeks ahead, as in a working queue); statuses mostly done.
    await client.query(
      `insert into applications (applicant_id, type, status, channel, station_id, district_code, street_code,
         address_detail_sealed, basis, accepted_on, due_by, missing, decided_at, intake_station_id, created_at, updated_at)
       select r.id, g.type, g.status, g.channel, $1, $2, ($3::text[])[1 + (p.n % cardinality($3::text[]))],
         p.address_sealed,
         case when g.type = 'residence_permit' then 'employment' end,
         g.accepted_on, g.accepted_on + 14 + (p.n % 7)::int,
         case when g.status = 'needs_materials' then '["proof_of_address"]'::jsonb else '[]'::jsonb end,
         case when g.status in ('approved', 'rejected', 'issued') then g.accepted_on + 7 end,
         case when g.channel = 'window' then $1 end,
         g.accepted_on + (p.n % 28800) * interval '1 second' + interval '8 hours',
         g.accepted_on + (p.n % 28800) * interval '1 second' + interval '9 hours'
       from bench_people p
       join residents r on r.id_number_index = p.id_number_index
       cross join lateral (
         select
           (array['registration_card','registration_card','registration_card','residence_permit','residence_permit',
                  'endorsement','endorsement','endorsement','change','replacement'])[1 + (p.n * 7 % 10)] as type,
           case when p.n % 10 < 4 then 'online' else 'window' end as channel,
           case
             when p.n % 100 < 8 then 'submitted'
             when p.n % 100 < 11 then 'needs_materials'
             when p.n % 100 < 13 then 'resubmitted'
             else (array['approved','rejected','withdrawn','issued','issued','issued','issued','issued'])[1 + (p.n % 8)]
           end as status,
           case
             when p.n % 100 < 13 then current_date - (p.n * 31 % 45)::int
             else current_date - 45 - (p.n * 31 % 680)::int
           end as accepted_on
       ) g`,
      [STATION, DISTRICT, streets],
    );
    await client.query('commit');
  } catch (e) {
    await client.query('rollback');
    throw e;
  } finally {
    client.release();
  }
  await pool.query('vacuum analyze residents');
  await pool.query('vacuum analyze applications');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The tables of interest read by a plan: 'index' when every read of them is by an index. */
function scans(plan: string): string {
  const big = ['applications', 'residents'];
  const seq = big.filter((t) => new RegExp(`Seq Scan on ${t}\\b`).test(plan));
  if (seq.length) return `SEQUENTIAL SCAN on ${seq.join(', ')}`;
  const idx = [
    ...plan.matchAll(/(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)/g),
  ];
  return idx.length ? `index: ${[...new Set(idx.map((m) => m[2]))].join(', ')}` : 'no table read';
}

const name = `juzhu_bench_${randomBytes(6).toString('hex')}`;
await admin(`CREATE DATABASE ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const opened = openPostgres(url.toString(), 4);
// The app's own pool, under a second drizzle that logs the SQL while `capture` is set.
const pool = (opened.db as unknown as { $client: pg.Pool }).$client;
let capture: { sql: string; params: unknown[] }[] | undefined;
const logged = drizzle({
  client: pool,
  schema,
  logger: { logQuery: (sql, params) => capture?.push({ sql, params }) },
});
const database: Database = { ...opened, db: logged };
let app: Awaited<ReturnType<typeof buildApp>> | undefined;
try {
  const startedSetup = performance.now();
  await database.migrate();
  const ctx = benchContext(database, new Uint8Array(randomBytes(32)));
  await loadDataKeys(ctx);
  await ensureSigningKeys(ctx);
  await seedDemo(ctx);
  const people = residentsOf(rows);
  const startedGen = performance.now();
  await generate(pool, ctx.personal, people);
  const genSeconds = (performance.now() - startedGen) / 1000;
  const [{ n: inDistrict } = { n: 0 }] = (
    await pool.query<{ n: number }>('select count(*)::int as n from applications where district_code = $1', [
      DISTRICT,
    ])
  ).rows;
  app = await buildApp({ ctx, database });
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/staff',
    payload: { username: `officer-${DISTRICT}`, password: DEMO_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`staff login: ${login.statusCode} ${login.body}`);
  const token = login.json<{ token: string }>().token;
  console.log(
    `\nstaff queue, ${inDistrict.toLocaleString('en-US')} applications in ${DISTRICT} ` +
      `(${rows.toLocaleString('en-US')} generated in ${genSeconds.toFixed(1)} s; setup ` +
      `${((performance.now() - startedSetup) / 1000).toFixed(1)} s), PostgreSQL, app.inject() as officer-${DISTRICT}, ` +
      `${requests} sequential requests per case after ${WARM_UP} warm-up\n`,
  );

  const someone = people.ids[Math.floor(rows / 2)]!;
  // A full name, as a clerk types it from an ID card (a sealed name is found whole, never by prefix).
  const fullName = people.names[Math.floor(rows / 3)]!;
  const cases: [string, string][] = [
    ['first page (due date, earliest first)', ''],
    ['search by full ID number (q=)', `?q=${someone}`],
    [`search by full name (q=${fullName})`, `?q=${encodeURIComponent(fullName)}`],
    ['sort by due date, latest first', '?sort=dueBy&order=desc'],
    ['filter status=submitted', '?status=submitted'],
    ['filter status=submitted&channel=window', '?status=submitted&channel=window'],
    ['deep page (offset=5000)', '?offset=5000'],
  ];
  const ask = async (query: string) => {
    const res = await app!.inject({
      method: 'GET',
      url: `/api/v1/staff/applications${query}`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.statusCode !== 200) throw new Error(`${query}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const results: (string | number)[][] = [];
  const plans: { label: string; statements: { sql: string; params: unknown[] }[]; total: number }[] = [];
  for (const [label, query] of cases) {
    capture = [];
    const first = (await ask(query)).json<{ total: number; items: unknown[] }>();
    const statements = capture.filter((s) => /\bapplications\b/.test(s.sql));
    capture = undefined;
    if (first.items.length === 0) throw new Error(`${label}: nothing found, the case measures nothing`);
    plans.push({ label, statements, total: first.total });
    for (let i = 0; i < WARM_UP; i++) await ask(query);
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      await ask(query);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    results.push([
      label,
      first.total.toLocaleString('en-US'),
      percentile(times, 50).toFixed(1),
      p99.toFixed(1),
      times.at(-1)!.toFixed(1),
      p99 < TARGET_P99_MS ? 'PASS' : 'FAIL',
    ]);
  }
  console.log(table(['case', 'matches', 'p50 ms', 'p99 ms', 'max ms', `p99 < ${TARGET_P99_MS} ms`], results));

  console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the statements each case ran (count, then page):');
  const summary: string[][] = [];
  for (const { label, statements } of plans) {
    console.log(`\n=== ${label}`);
    for (const s of statements) {
      const explained = await pool.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`,
        s.params,
      );
      const plan = explained.rows.map((r) => r['QUERY PLAN']).join('\n');
      console.log(`-- ${s.sql}\n-- params: ${JSON.stringify(s.params)}\n${plan}\n`);
      const time = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? '?';
      summary.push([label, /count\(\*\)/.test(s.sql) ? 'count' : 'page', `${time} ms`, scans(plan)]);
    }
  }
  console.log('\nHow each statement reads applications and residents:\n');
  console.log(table(['case', 'statement', 'execution', 'reads'], summary));
} finally {
  await app?.close();
  await opened.close();
  if (process.env.QUEUE_KEEP === '1') console.log(`\nkept (QUEUE_KEEP=1): ${url.toString()}`);
  else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
