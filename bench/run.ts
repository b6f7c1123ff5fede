// `npm run bench`: every benchmark in one run, printed side by side. BENCH_SECONDS sets the time
// each row runs (default 2 s).
import { benchCredentials } from './credentials.bench.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 2);
if (!(seconds > 0)) throw new Error('BENCH_SECONDS must be a positive number');

await benchCredentials({ seconds });
