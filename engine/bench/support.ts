/**
 * Bench support: a dedicated embedded PostgreSQL with default (durable) settings on a free loopback port,
 * database statistics (commits, WAL bytes), the reference variables and small statistics helpers.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedServer } from '../src/infra/embedded-postgres.js';
import { ensureDatabase } from '../src/infra/ensure-database.js';
import { migrate } from '../src/infra/migrate.js';
import { engineMigrations } from '../src/state/migrations.js';

/** A running bench database. */
export interface BenchDatabase {
  url: string;
  /** CPU seconds (user + system) used so far by the server: its processes alive and exited. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const TICKS_PER_SECOND = 100;

/** utime + stime (+ cutime + cstime: children reaped) of a process, in clock ticks; 0 when it is gone. */
function processTicks(pid: number, withChildren: boolean): { ticks: number; ppid: number } {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
    const own = Number(f[11]) + Number(f[12]);
    return { ticks: withChildren ? own + Number(f[13]) + Number(f[14]) : own, ppid: Number(f[1]) };
  } catch {
    return { ticks: 0, ppid: -1 };
  }
}

/** CPU seconds of a postmaster: its own and reaped children's, plus its live children (backends, WAL writer). */
function serverCpuSeconds(dataDir: string): number {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  let ticks = processTicks(pid, true).ticks;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = processTicks(Number(entry), false);
    if (p.ppid === pid) ticks += p.ticks;
  }
  return ticks / TICKS_PER_SECOND;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Extra server settings from BENCH_PG_SETTINGS ("name=value,name=value"), on top of the embedded defaults. */
function benchSettings(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (process.env.BENCH_PG_SETTINGS ?? '').split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

/**
 * Starts PostgreSQL under a temp dir with its default durability (fsync on, synchronous_commit on),
 * creates and migrates the `bench` database.
 */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-engine-pg-'));
  fs.chmodSync(dir, 0o755);
  const log = process.env.BENCH_PG_LOG ? (m: string) => process.stderr.write(`[pg] ${m}\n`) : undefined;
  const server = await startEmbeddedServer({
    dataDir: path.join(dir, 'data'),
    port: await freePort(),
    log,
    settings: benchSettings(),
  });
  const url = await ensureDatabase(server.adminUrl, 'bench');
  await migrate(url, { part: 'engine', migrations: engineMigrations });
  return {
    url,
    cpuSeconds: () => serverCpuSeconds(path.join(dir, 'data')),
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Counters of the bench database at one moment. */
export interface DbCounters {
  xactCommit: number;
  walBytes: number;
}

/**
 * Reads commits and the WAL position. Call it when no other session is connected: backends report their
 * statistics when they exit, so counters are exact only between idle moments.
 */
export async function readCounters(url: string): Promise<DbCounters> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const others = await c.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      if (others.rows[0]!.n === '0') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const r = await c.query<{ commits: string; lsn: string }>(
      `SELECT xact_commit::text AS commits, pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS lsn
       FROM pg_stat_database WHERE datname = current_database()`,
    );
    // the two statements above are themselves commits of this session, reported when it ends
    return { xactCommit: Number(r.rows[0]!.commits), walBytes: Number(r.rows[0]!.lsn) };
  } finally {
    await c.end();
  }
}

/** Commits and WAL bytes between two readings (minus the reader's own statements). */
export function counterDelta(before: DbCounters, after: DbCounters): DbCounters {
  return { xactCommit: after.xactCommit - before.xactCommit - 2, walBytes: after.walBytes - before.walBytes };
}

/** About 1 KB of dossier variables, as a citizen's submission would carry. */
export function dossierVariables(i: number): Record<string, unknown> {
  return {
    dossierId: `HS-2026-${String(i).padStart(7, '0')}`,
    procedureCode: '1.001234',
    amount: 150000,
    applicant: {
      fullName: 'Nguyễn Văn An',
      idNumber: '079085001234',
      birthDate: '1985-04-12',
      phone: '0901234567',
      email: 'nguyen.van.an@example.vn',
      address: {
        street: '12 Lê Lợi',
        ward: 'Phường Bến Nghé',
        district: 'Quận 1',
        province: 'TP Hồ Chí Minh',
      },
    },
    documents: [
      { code: 'DON', name: 'Đơn đề nghị', pages: 2, checksum: 'a3f1c9e2b7d4a3f1c9e2b7d4a3f1c9e2' },
      {
        code: 'CCCD',
        name: 'Bản sao căn cước công dân',
        pages: 1,
        checksum: 'b7d4a3f1c9e2b7d4a3f1c9e2b7d4a3f1',
      },
      {
        code: 'GCN',
        name: 'Giấy chứng nhận quyền sử dụng đất',
        pages: 4,
        checksum: 'c9e2b7d4a3f1c9e2b7d4a3f1c9e2b7d4',
      },
    ],
    delivery: { channel: 'post', note: 'Giao trong giờ hành chính, gọi trước khi giao hồ sơ kết quả.' },
    submittedAt: '2026-03-02T08:30:00+07:00',
  };
}

/** Percentile of a sorted array. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Rounds to 1 decimal place. */
export function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Prints one JSON line. */
export function emit(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Promise that resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
