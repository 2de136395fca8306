import pg from 'pg';
import { testDatabase } from '../../../tests/support/database';
import { searchUserTasks, USER_TASK_TOTAL_CAP } from './queries';

describe('user-task search totals', () => {
  let pool: pg.Pool;
  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('read_totals'), max: 2 });
    await pool.query(`DELETE FROM engine.user_task WHERE bpmn_process_id LIKE 'totals-%'`);
  });
  afterAll(async () => pool.end());

  /** Inserts `n` open tasks of group `group` (plus as many completed ones, which never count). */
  const givenTasks = async (n: number, group: string, base: number) => {
    await pool.query(
      `INSERT INTO engine.user_task (key, state, element_instance_key, process_instance_key, process_definition_key, bpmn_process_id, element_id,
                                     candidate_groups, due_date, scope_path, created_at)
       SELECT $3::bigint + g, CASE WHEN g % 2 = 0 THEN 'CREATED' ELSE 'COMPLETED' END, $3::bigint + g, $3::bigint + g, 1, 'totals-' || $2, 'Task_T',
              ARRAY[$2], to_char(timestamp '2026-03-02' + g * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"'), ARRAY[$3::bigint + g], g
         FROM generate_series(1, $1::int * 2) g`,
      [n, group, base],
    );
  };

  it('should count every open task of the groups when the page is full or not the first', async () => {
    // given
    await givenTasks(25, 'T1:specialist', 7_000_000_000_000_000);
    const filter = {
      state: 'CREATED' as const,
      candidateGroups: ['T1:specialist'],
      sort: { field: 'dueDate' as const, order: 'ASC' as const },
    };
    // when
    const first = await searchUserTasks(pool, { ...filter, limit: 10 });
    const last = await searchUserTasks(pool, { ...filter, limit: 10, offset: 20 });
    const all = await searchUserTasks(pool, { ...filter, limit: 50 });
    // then
    expect([first.total, last.total, all.total]).toEqual([25, 25, 25]);
    expect([first.items.length, last.items.length, all.items.length]).toEqual([10, 5, 25]);
    expect(first.items.map((t) => t.dueDate)).toEqual([...first.items.map((t) => t.dueDate)].sort());
    expect(first.hasMoreTotalItems).toBeUndefined();
  });

  it('should stop counting at the cap and say there are more when a group holds more open tasks than the cap', async () => {
    // given
    await givenTasks(USER_TASK_TOTAL_CAP + 5, 'T2:one-stop', 7_100_000_000_000_000);
    // when
    const page = await searchUserTasks(pool, {
      state: 'CREATED',
      candidateGroups: ['T2:one-stop'],
      limit: 20,
    });
    // then
    expect(page.total).toBe(USER_TASK_TOTAL_CAP);
    expect(page.hasMoreTotalItems).toBe(true);
    expect(page.items).toHaveLength(20);
  });
});
