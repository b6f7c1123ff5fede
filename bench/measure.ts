// Throughput of one operation, one call at a time (what a verifier page or a request handler
// sees, not a saturated thread pool), after a short warm-up. Counted per second of CPU time of this
// process (all its threads, so WebCrypto's worker thread counts too), not of the wall clock: on a
// machine shared with other work the wall clock measures the neighbours. On an idle core the two
// are the same.
export async function opsPerSecond(seconds: number, op: () => unknown): Promise<number> {
  const run = async (ms: number) => {
    let n = 0;
    const start = performance.now();
    const cpu = process.cpuUsage();
    while (performance.now() - start < ms) {
      // 16 calls between clock reads keep the timer out of the measurement.
      for (let i = 0; i < 16; i++) {
        const r = op();
        if (r instanceof Promise) await r;
      }
      n += 16;
    }
    const used = process.cpuUsage(cpu);
    return (n * 1e6) / (used.user + used.system);
  };
  await run(Math.min(200, seconds * 100));
  return run(seconds * 1000);
}

/**
 * Two operations measured in alternating rounds (medians), so that a neighbour's load on a shared
 * machine falls on both sides of a ratio alike.
 */
export async function compare(
  seconds: number,
  ours: () => unknown,
  baseline: () => unknown,
  rounds = 10,
): Promise<{ ours: number; baseline: number; ratio: number }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await opsPerSecond(seconds / rounds, ours));
    b.push(await opsPerSecond(seconds / rounds, baseline));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const ratios = a.map((x, i) => x / b[i]!);
  return { ours: median(a), baseline: median(b), ratio: median(ratios) };
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? format(c) : c)))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [
    line(cells[0]!),
    '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |',
    ...cells.slice(1).map(line),
  ].join('\n');
}

function format(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}
