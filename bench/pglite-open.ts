// `npx node bench/pglite-open.ts [runs]`: what a test pays for a fresh PGlite database, CPU time
// of this process: an empty database plus every migration, against one started from the migrated
// image the tests share (test/support/pglite-image.ts).
import { openPglite } from '../src/db/client.ts';
import { migratedPgliteImage } from '../test/support/pglite-image.ts';

const runs = Number(process.argv[2] ?? 3);
const cpuMs = async (open: () => Promise<{ close(): Promise<void> }>): Promise<number> => {
  const before = process.cpuUsage();
  const database = await open();
  const used = process.cpuUsage(before);
  await database.close();
  return (used.user + used.system) / 1000;
};
const image = await migratedPgliteImage();
const rows: [string, number[]][] = [
  ['empty database + all migrations', []],
  ['from the migrated image', []],
];
for (let i = 0; i < runs; i++) {
  rows[0]![1].push(
    await cpuMs(async () => {
      const d = openPglite(undefined);
      await d.migrate();
      return d;
    }),
  );
  rows[1]![1].push(
    await cpuMs(async () => {
      const d = openPglite(undefined, image);
      await d.migrate();
      return d;
    }),
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log('| open | CPU ms (median of %d) |\n| --- | --- |', runs);
for (const [name, xs] of rows) console.log(`| ${name} | ${Math.round(median(xs))} |`);
