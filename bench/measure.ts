// Throughput of one operation for a fixed time, after a short warm-up, one call at a time (the
// latency a verifier page or a request handler sees, not a saturated thread pool).
export async function opsPerSecond(seconds: number, op: () => unknown): Promise<number> {
  const run = async (ms: number) => {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      // 16 calls between clock reads keep the timer out of the measurement.
      for (let i = 0; i < 16; i++) {
        const r = op();
        if (r instanceof Promise) await r;
      }
      n += 16;
      now = performance.now();
    }
    return (n * 1000) / (now - start);
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
