/**
 * Bulk data for the API benchmark, with generate_series: 1,000,000 dossiers spread over the demo agencies and
 * the last 30 days, and 100,000 open user tasks in the engine's task table (the benchmark writes engine rows
 * directly: it measures the API against a realistic table size, it is not application code), each linked to a
 * dossier through dossier_step so task lists are enriched as in production.
 */
import type pg from 'pg';

/** Inserts `dossiers` dossiers and `tasks` open tasks; returns the candidate groups used. */
export async function generateBulk(
  pool: pg.Pool,
  options: { dossiers: number; tasks: number; procedureId: string; accountId: string },
): Promise<string[]> {
  const agencies = (
    await pool.query<{ code: string }>(`SELECT DISTINCT code FROM agency ORDER BY code`)
  ).rows.map((r) => r.code);
  const groups = agencies.flatMap((a) =>
    ['one-stop', 'specialist', 'section-head', 'agency-head'].map((r) => `${a}:${r}`),
  );
  await pool.query(`SET maintenance_work_mem = '256MB'`).catch(() => {});
  await pool.query(
    `INSERT INTO dossier (code, agency_code, procedure_id, procedure_code, procedure_name, variant_key, bpmn_process_id, process_instance_key, lifecycle, status,
                          channel, delivery_method, applicant_account_id, applicant_type, applicant_name, applicant_id_number, form_data, tracking_hash, submitted_at)
     SELECT (a.codes)[1 + g % array_length(a.codes, 1)] || '-' || to_char(now() - (g % 30) * interval '1 day', 'YYMMDD') || '-B' || lpad(g::text, 7, '0'),
            (a.codes)[1 + g % array_length(a.codes, 1)], $2, 'bench', 'Thủ tục sinh để đo tải', 'default', 'motcua-bench', (8000000000000000 + g)::text,
            'active', 1 + g % 10, 'online', 'in-person', CASE WHEN g % 1000 = 0 THEN $3::uuid END, 'citizen', 'Công dân ' || g, lpad(g::text, 12, '0'),
            jsonb_build_object('businessName', 'Hộ kinh doanh ' || g), 'hmac1$bench', now() - (g % 30) * interval '1 day'
       FROM generate_series(1, $1::int) g, (SELECT array_agg(code ORDER BY code) AS codes FROM agency) a`,
    [options.dossiers, options.procedureId, options.accountId],
  );
  await pool.query(
    `INSERT INTO engine.user_task (key, state, element_instance_key, process_instance_key, process_definition_key, bpmn_process_id, element_id, name,
                                   candidate_groups, due_date, priority, scope_path, created_at)
     SELECT 9000000000000000 + g, 'CREATED', 9100000000000000 + g, 8000000000000000 + g, 1, 'motcua-bench', 'Task_Bench', 'Việc sinh để đo tải',
            ARRAY[($2::text[])[1 + g % array_length($2::text[], 1)]],
            to_char((now() + ((g % 200) - 50) * interval '1 hour') AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD"T"HH24:MI:SS"+07:00"'),
            g % 100, ARRAY[8000000000000000 + g]::bigint[], (extract(epoch from now()) * 1000)::bigint - g * 1000
       FROM generate_series(1, $1::int) g`,
    [options.tasks, groups],
  );
  await pool.query(
    `INSERT INTO dossier_step (element_instance_key, dossier_code, process_instance_key, element_id, started_at, due_at)
     SELECT t.element_instance_key::text, d.code, t.process_instance_key::text, t.element_id, now(), now() + interval '1 day'
       FROM engine.user_task t JOIN dossier d ON d.process_instance_key = t.process_instance_key::text
      WHERE t.bpmn_process_id = 'motcua-bench'`,
  );
  await pool.query(`ANALYZE dossier; ANALYZE engine.user_task; ANALYZE dossier_step`);
  return groups;
}
