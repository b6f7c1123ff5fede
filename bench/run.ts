// `npm run bench`: every benchmark in one run, printed side by side. BENCH_SECONDS sets the time
// each row runs (default 2 s in process, 5 s over HTTP). `npm run bench -- --http-only` (or
// BENCH_HTTP_ONLY=1) runs only the HTTP table; its PostgreSQL server is BENCH_DATABASE_URL.
import { benchCredentials } from './credentials.bench.ts';
import { benchHttp } from './http.bench.ts';

const given = process.env.BENCH_SECONDS;
const seconds = Number(given ?? 2);
if (!(seconds > 0)) throw new Error('BENCH_SECONDS must be a positive number');
const httpOnly = process.argv.includes('--http-only') || process.env.BENCH_HTTP_ONLY === '1';

if (!httpOnly) await benchCredentials({ seconds });
await benchHttp({ seconds: given === undefined ? 5 : seconds });
