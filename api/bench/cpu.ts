/**
 * CPU time spent by this Node process and by the embedded PostgreSQL server (postmaster, its live backends and
 * the backends that already exited), read from /proc: what one operation costs on each side, which is steadier
 * than throughput on a shared machine. PostgreSQL's share is null when it is not the embedded server (or not
 * on Linux).
 */
import fs from 'node:fs';
import path from 'node:path';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function postgresTicks(postmasterPid: number): number | null {
  let ticks = 0;
  let found = false;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name: state ppid ... utime(11) stime(12) cutime(13) cstime(14).
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const pid = Number(entry);
      if (pid === postmasterPid) {
        found = true;
        ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      } else if (Number(fields[1]) === postmasterPid) {
        ticks += Number(fields[11]) + Number(fields[12]);
      }
    } catch {
      // the process ended meanwhile: its time is in the postmaster's cutime/cstime
    }
  }
  return found ? ticks : null;
}

/** CPU milliseconds so far: `node` of this process, `postgres` of the embedded server under `dataDir`. */
export function cpuSample(dataDir: string | undefined): { node: number; postgres: number | null } {
  const usage = process.cpuUsage();
  let postgres: number | null = null;
  try {
    if (dataDir) {
      const pid = Number(
        fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      const ticks = postgresTicks(pid);
      postgres = ticks === null ? null : ticks * TICK_MS;
    }
  } catch {
    postgres = null;
  }
  return { node: (usage.user + usage.system) / 1000, postgres };
}

/** Milliseconds of CPU per operation between two samples, on each side. */
export function cpuPerOperation(
  before: ReturnType<typeof cpuSample>,
  after: ReturnType<typeof cpuSample>,
  operations: number,
) {
  const per = (a: number, b: number) => (operations > 0 ? +((b - a) / operations).toFixed(2) : null);
  return {
    nodeCpuMs: per(before.node, after.node),
    postgresCpuMs:
      before.postgres === null || after.postgres === null ? null : per(before.postgres, after.postgres),
  };
}
