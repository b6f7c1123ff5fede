// Starting and stopping bench/http-server.ts. Each server is its own process group, so one signal
// reaches the cluster primary and its workers; whatever is still running when the bench process
// ends (an error, Ctrl-C) is killed on the way out, and a server whose parent vanished without a
// word sees its stdin close and ends itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** `app-uncached`: the app with its 2 s session and card cache off, so every request reads PostgreSQL. */
export type ServerMode = 'app' | 'app-uncached' | 'constant' | 'sign';
export const serverModes: readonly ServerMode[] = ['app', 'app-uncached', 'constant', 'sign'];
/** The one route of the bare servers. */
export const BARE_ROUTE = '/bench';

export interface RunningServer {
  port: number;
  /** The spawned process and, in a cluster, its workers. */
  pids: number[];
  stop(): Promise<void>;
}

const entry = fileURLToPath(new URL('./http-server.ts', import.meta.url));
const live = new Set<ChildProcess>();
const READY_TIMEOUT_MS = 30_000;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

process.on('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    killGroup(child, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000).unref())]);
  }
  // Workers that outlived their primary, or a primary deaf to SIGTERM.
  killGroup(child, 'SIGKILL');
  live.delete(child);
}

export async function startServer(
  mode: ServerMode,
  workers: number,
  databaseUrl: string,
  kek: Uint8Array,
): Promise<RunningServer> {
  const child = spawn(process.execPath, [entry, mode, String(workers), databaseUrl], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, BENCH_KEK: Buffer.from(kek).toString('base64') },
  });
  live.add(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const ready: { pid: number; port: number }[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`not ready after ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const m = /^ready (\d+) (\d+)$/.exec(line);
        if (!m) return;
        ready.push({ pid: Number(m[1]), port: Number(m[2]) });
        if (ready.length === workers) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`ended before it was ready (${signal ?? code})`));
      });
      child.once('error', reject);
    });
    const ports = new Set(ready.map((r) => r.port));
    if (ports.size !== 1) throw new Error(`workers listen on different ports: ${[...ports].join(', ')}`);
  } catch (e) {
    await stop(child);
    throw new Error(`${mode} server (${workers} worker(s)): ${(e as Error).message}\n${stderr}`, {
      cause: e,
    });
  }
  return {
    port: ready[0]!.port,
    pids: [...new Set([child.pid!, ...ready.map((r) => r.pid)])],
    stop: () => stop(child),
  };
}
