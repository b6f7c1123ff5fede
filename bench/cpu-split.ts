// Where the machine's CPU went during a run, in cores: the servers under test, the PostgreSQL
// backends serving them, this process (the load generator) and everyone else. On a machine shared with other work, "others" says how
// far a row was measured against neighbours rather than against itself.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export interface CpuSplit {
  servers: number;
  postgres: number;
  loadGenerator: number;
  others: number;
}

interface Sample {
  wallMs: number;
  machineBusyMs: number;
  serversMs: number;
  postgresMs: number;
  selfMs: number;
}

/** Linux user+system time of a process in ms (USER_HZ is 100 on every Linux Node runs on). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);

function sample(serverPids: number[], postgresPids: number[]): Sample {
  const machineBusyMs = cpus().reduce(
    (sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq,
    0,
  );
  const self = process.cpuUsage();
  return {
    wallMs: performance.now(),
    machineBusyMs,
    serversMs: cpuOf(serverPids),
    postgresMs: cpuOf(postgresPids),
    selfMs: (self.user + self.system) / 1000,
  };
}

/** Starts counting; the returned function stops and gives the split. */
export function startCpuSplit(serverPids: number[], postgresPids: number[]): () => CpuSplit {
  const before = sample(serverPids, postgresPids);
  return () => {
    const after = sample(serverPids, postgresPids);
    const wall = after.wallMs - before.wallMs;
    const servers = (after.serversMs - before.serversMs) / wall;
    const postgres = (after.postgresMs - before.postgresMs) / wall;
    const loadGenerator = (after.selfMs - before.selfMs) / wall;
    const machine = (after.machineBusyMs - before.machineBusyMs) / wall;
    const others = Math.max(0, machine - servers - postgres - loadGenerator);
    return { servers, postgres, loadGenerator, others };
  };
}
