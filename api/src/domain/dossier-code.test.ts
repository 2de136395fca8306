import pg from 'pg';
import { testDatabase } from '../../../tests/support/database';
import {
  formatDossierCode,
  isDossierCode,
  nextDossierCode,
  normalizeAgencyId,
  parseDossierCode,
} from './dossier-code.js';

describe('formatDossierCode and parseDossierCode', () => {
  it('should format the §3.2 example when given its parts', () => {
    // given / when
    const code = formatDossierCode('000.00.06.H56', '2023-10-27', 361);
    // then
    expect(code).toBe('000.00.06.H56-231027-0361');
  });

  it('should use the Vietnam date when given an instant late in the UTC day', () => {
    // given 2023-10-27 18:30 UTC is 28/10 01:30 in Vietnam
    const at = new Date('2023-10-27T18:30:00Z');
    // when / then
    expect(formatDossierCode('000.17.22.H56', at, 1)).toBe('000.17.22.H56-231028-0001');
  });

  it('should round-trip when a code is parsed', () => {
    // given / when
    const parts = parseDossierCode('000.17.22.H56-210531-0001');
    // then
    expect(parts).toEqual({ agencyId: '000.17.22.H56', date: '2021-05-31', sequence: 1 });
  });

  it('should keep all digits when the sequence passes 9999', () => {
    // given / when
    const code = formatDossierCode('000.00.06.H99', '2025-01-02', 10_000);
    // then
    expect(code).toBe('000.00.06.H99-250102-10000');
    expect(parseDossierCode(code)?.sequence).toBe(10_000);
  });

  it('should normalize a dashed agency id when one is given', () => {
    // given / when / then
    expect(normalizeAgencyId(' 000-00-23-h56 ')).toBe('000.00.23.H56');
  });

  it.each([
    ['a missing sequence', '000.00.06.H56-231027'],
    ['an impossible date', '000.00.06.H56-230230-0001'],
    ['a sequence of zero', '000.00.06.H56-231027-0000'],
    ['a 3-digit sequence', '000.00.06.H56-231027-361'],
    ['a short agency id', 'H56.14-240823-0001'],
    ['extra text', '000.00.06.H56-231027-0361x'],
  ])('should reject a code when it has %s', (_label, code) => {
    // given / when / then
    expect(isDossierCode(code)).toBe(false);
  });

  it('should throw when formatting with a malformed agency id', () => {
    // given / when / then
    expect(() => formatDossierCode('H56', '2025-01-02', 1)).toThrow(/agency electronic id/);
  });
});

describe('nextDossierCode', () => {
  let pool: pg.Pool;
  const day = new Date('2025-03-03T02:00:00Z');

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase(), max: 40 });
    // Province code H99 is reserved for these tests: clean it so a reused database (DATABASE_URL) passes too.
    await pool.query(`DELETE FROM dossier_code_sequence WHERE agency_id LIKE '%.H99'`);
  });
  afterAll(async () => {
    await pool.end();
  });

  async function inTransaction<T>(work: (c: pg.PoolClient) => Promise<T>, commit = true): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      return result;
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  }

  it('should give 100 distinct gap-free numbers when 100 transactions allocate concurrently', async () => {
    // given an agency with no dossier today
    const agency = '000.00.01.H99';
    // when
    const codes = await Promise.all(
      Array.from({ length: 100 }, () => inTransaction((c) => nextDossierCode(c, agency, day))),
    );
    // then
    const numbers = codes.map((c) => parseDossierCode(c)?.sequence ?? 0).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(codes[0]).toMatch(/^000\.00\.01\.H99-250303-\d{4}$/);
  });

  it('should leave no gap when an allocation is rolled back', async () => {
    // given one committed dossier
    const agency = '000.00.02.H99';
    await inTransaction((c) => nextDossierCode(c, agency, day));
    // when the next submission fails and rolls back, then another one succeeds
    await inTransaction((c) => nextDossierCode(c, agency, day), false);
    const next = await inTransaction((c) => nextDossierCode(c, agency, day));
    // then
    expect(next).toBe('000.00.02.H99-250303-0002');
  });

  it('should restart at 1 when the Vietnam day changes or the agency differs', async () => {
    // given
    const agency = '000.00.03.H99';
    await inTransaction((c) => nextDossierCode(c, agency, day));
    // when
    const nextDay = await inTransaction((c) => nextDossierCode(c, agency, new Date('2025-03-03T17:00:00Z')));
    const other = await inTransaction((c) => nextDossierCode(c, '000.00.04.H99', day));
    // then
    expect(nextDay).toBe('000.00.03.H99-250304-0001');
    expect(other).toBe('000.00.04.H99-250303-0001');
  });
});
