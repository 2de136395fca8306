import pg from 'pg';
import { testDatabase } from '../support/database';

describe('test database harness', () => {
  it('should give each worker a migrated database with the engine and api schemas', async () => {
    // given / when
    const url = await testDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // then
      const tables = await client.query(
        `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables
         WHERE table_schema IN ('engine', 'public') ORDER BY 1`,
      );
      const names = tables.rows.map((r: { t: string }) => r.t);
      expect(names).toEqual(
        expect.arrayContaining(['engine.job', 'engine.process_instance', 'public.app_meta']),
      );
    } finally {
      await client.end();
    }
  });
});
