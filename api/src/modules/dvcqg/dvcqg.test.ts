import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { buildTestApp, type TestApp } from '../../../../tests/support/app';
import { givenAccount } from '../../testing/fixtures';
import { TestBrowser } from '../../testing/http-client';
import { recordStatus } from '../dossiers/status';
import type { DossierStatusCode } from '../../domain/statuses';
import {
  DvcqgSender,
  HttpDvcqgClient,
  RecordingDvcqgClient,
  maskIdNumber,
  messageOfBody,
  startDvcqgSync,
  type DvcqgSyncPayload,
} from './index';

/** A local HTTP server standing for DVCQG: records what it accepted; fails for the dossiers in `failFor`. */
interface FakePortal {
  url: string;
  accepted: DvcqgSyncPayload[];
  requests: { authorization?: string; code: string }[];
  failFor: Set<string>;
  delayMs: number;
  /** Answer nothing at all (to test the time limit). */
  silent: boolean;
  close(): Promise<void>;
}

async function givenPortal(): Promise<FakePortal> {
  const portal = {
    accepted: [],
    requests: [],
    failFor: new Set<string>(),
    delayMs: 0,
    silent: false,
  } as unknown as FakePortal;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (portal.silent) return;
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as DvcqgSyncPayload;
      portal.requests.push({ authorization: req.headers.authorization, code: payload.dossier.code });
      setTimeout(() => {
        if (portal.failFor.has(payload.dossier.code)) {
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error_code: -1, message: 'Lỗi hệ thống, vui lòng thử lại sau' }));
          return;
        }
        portal.accepted.push(payload);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"error_code":0}');
      }, portal.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  portal.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dvcqg/dong-bo-ho-so`;
  portal.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return portal;
}

const NATIONAL_CODE = '1.001612';
const AGENCY = '000.00.12.H58';

describe('DVCQG sync sender', () => {
  let t: TestApp;
  let portal: FakePortal;
  let procedureId: string;
  let seq = 0;

  beforeAll(async () => {
    t = await buildTestApp({ suffix: 'dvcqg' });
    procedureId = randomUUID();
    await t.app.pg.query(
      `INSERT INTO procedure (id, national_code, name, field, agency_code, tier, service_level, valid_from, search_name)
       VALUES ($1, $2, 'Đăng ký thành lập hộ kinh doanh', 'Thành lập và hoạt động của hộ kinh doanh', $3, 'district', 4, '2025-01-01', 'dang ky thanh lap ho kinh doanh')`,
      [procedureId, NATIONAL_CODE, AGENCY],
    );
  }, 60_000);
  afterAll(async () => t.close());

  beforeEach(async () => {
    portal = await givenPortal();
    // Only this test's entries are pending (one database for this file).
    await t.app.pg.query(`UPDATE dossier_history SET dvcqg_synced_at = now() WHERE dvcqg_synced_at IS NULL`);
    await t.app.pg.query(`DELETE FROM dvcqg_sync_state`);
  });
  afterEach(async () => portal.close());

  const httpSender = (options: Partial<ConstructorParameters<typeof DvcqgSender>[0]> = {}) =>
    new DvcqgSender({
      pool: t.app.pg,
      clock: t.clock,
      client: new HttpDvcqgClient(portal.url, 'test-token', 2_000),
      ...options,
    });

  /** A dossier with the given status transitions recorded through recordStatus (the workers' path). */
  async function givenDossier(statuses: DossierStatusCode[], idNumber = '082201000123'): Promise<string> {
    const code = `${AGENCY}-260302-${String(++seq).padStart(4, '0')}${randomUUID().slice(0, 4)}`;
    const at = t.clock.now();
    await t.app.pg.query(
      `INSERT INTO dossier (code, agency_code, procedure_id, procedure_code, procedure_name, variant_key, bpmn_process_id, channel, delivery_method,
                            applicant_type, applicant_name, applicant_id_number, tracking_hash, submitted_at, received_at, appointment_at, due_at)
       VALUES ($1, $2, $3, 'business-household-registration', 'Đăng ký thành lập hộ kinh doanh', 'default', 'motcua-test', 'online', 'in-person',
               'citizen', 'Nguyễn Thị Hồng Nhung', $4, 'x', $5, $5, $6, $6)`,
      [code, AGENCY, procedureId, idNumber, new Date(at), new Date(at + 3 * 86_400_000)],
    );
    await addStatuses(code, statuses);
    return code;
  }

  async function addStatuses(code: string, statuses: DossierStatusCode[]): Promise<void> {
    for (const status of statuses) {
      await recordStatus(t.app.pg, {
        dossierCode: code,
        status,
        at: new Date(t.clock.now() + seq * 1000),
        elementId: `step-${status}`,
        actor: 'Lê Văn Tâm',
        jobKey: randomUUID(),
      });
    }
  }

  const pendingOf = async (code: string) =>
    Number(
      (
        await t.app.pg.query<{ n: string }>(
          `SELECT count(*) AS n FROM dossier_history WHERE dossier_code = $1 AND dvcqg_synced_at IS NULL`,
          [code],
        )
      ).rows[0]!.n,
    );
  const stateOf = async (code: string) =>
    (
      await t.app.pg.query<{ attempts: number; next_attempt_at: Date | null; last_error: string | null }>(
        `SELECT attempts, next_attempt_at, last_error FROM dvcqg_sync_state WHERE dossier_code = $1`,
        [code],
      )
    ).rows[0];
  const historyIds = async (code: string) =>
    (
      await t.app.pg.query<{ id: string }>(
        `SELECT id FROM dossier_history WHERE dossier_code = $1 ORDER BY id`,
        [code],
      )
    ).rows.map((r) => String(r.id));
  const acceptedIds = (code: string) =>
    portal.accepted.filter((p) => p.dossier.code === code).flatMap((p) => p.history.map((h) => h.id));

  it('should push each dossier with its entries in order, 5, 6 and 8 sent as 9, and mark them synced', async () => {
    // given
    const a = await givenDossier([1, 2, 4, 5, 4, 6, 9, 10]);
    const b = await givenDossier([1, 2, 8]);
    const sender = httpSender();

    // when
    const result = await sender.runOnce();

    // then
    expect(result).toEqual({ pushed: 2, entries: 11, failed: 0 });
    const pa = portal.accepted.find((p) => p.dossier.code === a)!;
    expect(pa.history.map((h) => h.status)).toEqual([1, 2, 4, 9, 4, 9, 9, 10]);
    expect(pa.history.map((h) => h.id)).toEqual(await historyIds(a));
    expect(pa.history[0]).toMatchObject({ actor: 'Lê Văn Tâm', step: 'step-1' });
    expect(pa.dossier).toMatchObject({
      code: a,
      procedureNationalCode: NATIONAL_CODE,
      agencyCode: AGENCY,
      channel: 'online',
      channelCode: 2,
      status: 10,
      applicant: { type: 'citizen', name: 'Nguyễn Thị Hồng Nhung', idNumber: '082201000123' },
    });
    expect(pa.dossier.receivedAt).not.toBeNull();
    const pb = portal.accepted.find((p) => p.dossier.code === b)!;
    expect(pb.history.map((h) => h.status)).toEqual([1, 2, 9]);
    expect(pb.dossier.status).toBe(9);
    expect(portal.requests.every((r) => r.authorization === 'Bearer test-token')).toBe(true);
    expect(await pendingOf(a)).toBe(0);
    expect(await pendingOf(b)).toBe(0);

    // when: nothing new, then one new entry
    expect(await sender.runOnce()).toEqual({ pushed: 0, entries: 0, failed: 0 });
    await addStatuses(b, [10]);
    await sender.runOnce();

    // then: only the new entry goes
    expect(portal.accepted).toHaveLength(3);
    expect(portal.accepted[2]!.history.map((h) => h.status)).toEqual([10]);
  });

  it('should mark nothing and back off more each time while DVCQG fails, then deliver everything exactly once when it recovers', async () => {
    // given: DVCQG refuses dossier a, accepts b
    const a = await givenDossier([1, 2, 4]);
    const b = await givenDossier([1, 2]);
    portal.failFor.add(a);
    const sender = httpSender({ backOffBaseMs: 30_000 });

    // when
    const first = await sender.runOnce();

    // then: a is kept with its error, b is not held up
    expect(first).toEqual({ pushed: 1, entries: 2, failed: 1 });
    expect(await pendingOf(a)).toBe(3);
    expect(await pendingOf(b)).toBe(0);
    const s1 = (await stateOf(a))!;
    expect(s1.attempts).toBe(1);
    expect(s1.next_attempt_at!.getTime() - t.clock.now()).toBe(30_000);
    expect(s1.last_error).toBe('Cổng DVCQG từ chối (HTTP 500): Lỗi hệ thống, vui lòng thử lại sau');

    // when: run again before the back-off ends
    await sender.runOnce();
    // then: no request for a
    expect(portal.requests.filter((r) => r.code === a)).toHaveLength(1);

    // when: the back-off ends, DVCQG still fails; a new entry is recorded meanwhile
    t.clock.advance(30_000);
    await addStatuses(a, [5]);
    await sender.runOnce();
    // then: the back-off doubles
    const s2 = (await stateOf(a))!;
    expect(s2.attempts).toBe(2);
    expect(s2.next_attempt_at!.getTime() - t.clock.now()).toBe(60_000);
    t.clock.advance(59_000);
    await sender.runOnce();
    expect(portal.requests.filter((r) => r.code === a)).toHaveLength(2);

    // when: DVCQG recovers and the clock reaches the next attempt
    portal.failFor.clear();
    t.clock.advance(1_000);
    const recovered = await sender.runOnce();
    t.clock.advance(3_600_000);
    await sender.runOnce();

    // then: every entry of a arrived once, in order, with 5 sent as 9; the state is clean
    expect(recovered).toEqual({ pushed: 1, entries: 4, failed: 0 });
    expect(acceptedIds(a)).toEqual(await historyIds(a));
    expect(
      portal.accepted.filter((p) => p.dossier.code === a).flatMap((p) => p.history.map((h) => h.status)),
    ).toEqual([1, 2, 4, 9]);
    expect(acceptedIds(b)).toEqual(await historyIds(b));
    expect(await pendingOf(a)).toBe(0);
    expect(await stateOf(a)).toMatchObject({ attempts: 0, next_attempt_at: null, last_error: null });
  });

  it('should send each entry exactly once and in order when two senders run at the same time', async () => {
    // given: two "API processes" (own pools), slow answers, small batches so a dossier needs several pushes
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(await givenDossier([1, 2, 4, 5, 4, 9, 10]));
    portal.delayMs = 15;
    const pools = [
      new pg.Pool({ connectionString: t.databaseUrl, max: 4 }),
      new pg.Pool({ connectionString: t.databaseUrl, max: 4 }),
    ];
    const senders = pools.map(
      (pool) =>
        new DvcqgSender({
          pool,
          clock: t.clock,
          client: new HttpDvcqgClient(portal.url, 'test-token', 2_000),
          entriesPerPush: 2,
          dossiersPerRun: 4,
          parallel: 3,
        }),
    );

    try {
      // when
      for (let round = 0; round < 50; round++) {
        const results = await Promise.all(senders.map((s) => s.runOnce()));
        if (
          results.every((r) => r.pushed === 0) &&
          (await Promise.all(codes.map(pendingOf))).every((n) => n === 0)
        )
          break;
      }
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }

    // then
    for (const code of codes) {
      expect(await pendingOf(code)).toBe(0);
      expect(acceptedIds(code)).toEqual(await historyIds(code));
    }
    const all = portal.accepted.flatMap((p) => p.history.map((h) => h.id));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toHaveLength(6 * 7);
  }, 60_000);

  it("should fail with the time limit's message when DVCQG does not answer", async () => {
    // given
    const code = await givenDossier([1]);
    portal.silent = true;
    const sender = new DvcqgSender({
      pool: t.app.pg,
      clock: t.clock,
      client: new HttpDvcqgClient(portal.url, undefined, 200),
    });

    // when
    const result = await sender.runOnce();

    // then
    expect(result.failed).toBe(1);
    expect((await stateOf(code))!.last_error).toBe('Cổng DVCQG không phản hồi trong 200 ms.');
    expect(await pendingOf(code)).toBe(1);
  });

  it('should record the payloads and show them, pending and failing dossiers to an admin when no DVCQG_SYNC_URL is set', async () => {
    // given: one dossier recorded by the record adapter, one failing on the HTTP adapter
    const recorded = await givenDossier([1, 2, 6], '082201000777');
    const failing = await givenDossier([1]);
    portal.failFor.add(failing);
    await httpSender().runOnce(); // pushes `recorded` to the portal too: make it pending again for the record adapter
    await t.app.pg.query(`UPDATE dossier_history SET dvcqg_synced_at = NULL WHERE dossier_code = $1`, [
      recorded,
    ]);
    const result = await new DvcqgSender({
      pool: t.app.pg,
      clock: t.clock,
      client: new RecordingDvcqgClient(t.app.pg, t.clock),
    }).runOnce();
    expect(result).toEqual({ pushed: 1, entries: 3, failed: 0 });
    const account = await givenAccount(t.app, { roles: ['admin'], prefix: 'dvcqg' });
    const admin = new TestBrowser(t.app, '10.7.7.7');
    expect((await admin.login(account.username, account.password)).statusCode).toBe(200);

    // when
    const response = await admin.get('/api/admin/dvcqg-sync');

    // then
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      adapter: string;
      target: string | null;
      pendingEntries: number;
      pendingDossiers: number;
      failing: { dossierCode: string; attempts: number; lastError: string; pendingEntries: number }[];
      recorded: { dossierCode: string; historyIds: string[]; payload: DvcqgSyncPayload }[];
    };
    expect(body).toMatchObject({ adapter: 'record', target: null, pendingEntries: 1, pendingDossiers: 1 });
    expect(body.failing).toEqual([
      expect.objectContaining({
        dossierCode: failing,
        attempts: 1,
        pendingEntries: 1,
        lastError: expect.stringContaining('HTTP 500'),
      }),
    ]);
    const mine = body.recorded.find((r) => r.dossierCode === recorded)!;
    expect(mine.historyIds).toEqual(await historyIds(recorded));
    expect(mine.payload.history.map((h) => h.status)).toEqual([1, 2, 9]);
    expect(mine.payload.dossier.applicant).toEqual({
      type: 'citizen',
      name: 'Nguyễn Thị Hồng Nhung',
      idNumber: '082******777',
    });
    const stored = await t.app.pg.query<{ payload: DvcqgSyncPayload }>(
      `SELECT payload FROM dvcqg_sync_record WHERE dossier_code = $1`,
      [recorded],
    );
    expect(stored.rows[0]!.payload.dossier.applicant.idNumber).toBe('082201000777');
  });

  it('should refuse the sync view to callers who are not admin or manager', async () => {
    // given
    const browserFor = async (roles: ('citizen' | 'analyst' | 'manager')[]) => {
      const account = await givenAccount(t.app, { roles, prefix: 'dvcqg' });
      const browser = new TestBrowser(t.app, '10.7.7.8');
      expect((await browser.login(account.username, account.password)).statusCode).toBe(200);
      return browser;
    };

    // when / then
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/dvcqg-sync' })).statusCode).toBe(401);
    expect((await (await browserFor(['citizen'])).get('/api/admin/dvcqg-sync')).statusCode).toBe(403);
    expect((await (await browserFor(['analyst'])).get('/api/admin/dvcqg-sync')).statusCode).toBe(403);
    expect((await (await browserFor(['manager'])).get('/api/admin/dvcqg-sync')).statusCode).toBe(200);
    const officer = await givenAccount(t.app, {
      memberships: [{ agencyCode: AGENCY, role: 'one-stop' }],
      prefix: 'dvcqg',
    });
    const browser = new TestBrowser(t.app, '10.7.7.9');
    await browser.login(officer.username, officer.password);
    expect((await browser.get('/api/admin/dvcqg-sync')).statusCode).toBe(403);
  });

  it('should sync in the background once started and stop cleanly when closed', async () => {
    // given: the app's configuration (no DVCQG_SYNC_URL: record adapter)
    const sender = startDvcqgSync(t.app, { intervalMs: 50 });
    try {
      // when
      const code = await givenDossier([1, 2]);
      let pending = await pendingOf(code);
      for (let i = 0; i < 100 && pending > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        pending = await pendingOf(code);
      }
      // then
      expect(pending).toBe(0);
      const rows = await t.app.pg.query(`SELECT 1 FROM dvcqg_sync_record WHERE dossier_code = $1`, [code]);
      expect(rows.rowCount).toBe(1);
    } finally {
      await sender.close();
    }
  });
});

describe('DVCQG helpers', () => {
  it("should take the receiver's message from a JSON or text error body", () => {
    expect(messageOfBody('{"message":"Sai mã TTHC"}')).toBe('Sai mã TTHC');
    expect(messageOfBody('{"error":{"message":"Token hết hạn"}}')).toBe('Token hết hạn');
    expect(messageOfBody('Bad Gateway')).toBe('Bad Gateway');
    expect(messageOfBody('')).toBe('(không có nội dung)');
  });

  it('should hide the middle of an identifier', () => {
    expect(maskIdNumber('082201000123')).toBe('082******123');
    expect(maskIdNumber('12345')).toBe('***');
    expect(maskIdNumber(null)).toBeNull();
  });

  it('should double the back-off up to the maximum', () => {
    const sender = new DvcqgSender({
      pool: {} as pg.Pool,
      clock: { now: () => 0, onChange: () => () => {} },
      client: { kind: 'record', push: async () => {} },
      backOffBaseMs: 1_000,
      backOffMaxMs: 5_000,
    });
    expect([1, 2, 3, 4, 10].map((n) => sender.backOffMs(n))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});
