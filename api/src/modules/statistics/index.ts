/**
 * Per-agency statistics (domain §4.2, §4.3) over a period [from, to] of local days:
 * - received: dossiers received (received_at) in the period;
 * - processed (finished = sent to the desk for return, status 9, or returned, status 10) in the period, compared
 *   with the due date by classifyCompletion: early and on time count as `onTime`, the rest as late;
 * - in progress: received by the end of the period, not finished by then and not closed without a result
 *   (refused 3, withdrawn 7, stopped 8); `overdue` those past their due date at the end (classifyOpen);
 * - late = processed late + in progress overdue (the numerator of §4.2's late rate);
 * - averageRating: the mean score (§4.3) of ratings given in the period, null without any.
 * Managers and admins see every agency in force in the period; an agency head sees the agencies they head.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { classifyCompletion, classifyOpen } from '../../domain/deadlines.js';
import { ProblemError } from '../../plugins/errors.js';
import { calendarAt } from '../dossiers/calendar.js';
import { Problem } from '../identity/schemas.js';
import { agenciesWhere } from '../identity/principal.js';

const AgencyStats = Type.Object({
  agencyCode: Type.String(),
  agencyName: Type.String(),
  received: Type.Integer(),
  inProgress: Type.Integer(),
  overdue: Type.Integer({ description: 'In progress and past the due date at the end of the period' }),
  onTime: Type.Integer({ description: 'Processed in the period by the due date (early or on time)' }),
  early: Type.Integer(),
  late: Type.Integer({ description: 'Processed late in the period plus in progress overdue' }),
  averageRating: Type.Union([Type.Number(), Type.Null()]),
  ratingCount: Type.Integer(),
});

const DAY = 86_400_000;
const VN = 7 * 3_600_000;
/** Local midnight (UTC+7) of a `YYYY-MM-DD` day. */
const startOfDay = (day: string) => Date.parse(`${day}T00:00:00Z`) - VN;
const localDay = (t: number) => new Date(t + VN).toISOString().slice(0, 10);

interface Row {
  code: string;
  agency_code: string;
  status: number | null;
  received_at: Date | null;
  due_at: Date | null;
  done_at: Date | null;
}
interface Counts {
  received: number;
  inProgress: number;
  overdue: number;
  onTime: number;
  early: number;
  late: number;
}

/** Counts one agency's dossiers per the rules above. */
function count(rows: Row[], from: number, to: number, now: number): Counts {
  const c: Counts = { received: 0, inProgress: 0, overdue: 0, onTime: 0, early: 0, late: 0 };
  const cal = calendarAt(now);
  for (const d of rows) {
    const received = d.received_at?.getTime();
    const done = d.done_at?.getTime();
    const due = d.due_at?.getTime();
    if (received !== undefined && received >= from && received < to) c.received++;
    if (done !== undefined && done >= from && done < to) {
      const outcome = due === undefined ? 'on-time' : classifyCompletion(due, done);
      if (outcome === 'late') c.late++;
      else c.onTime++;
      if (outcome === 'early') c.early++;
    } else if (
      (done === undefined || done >= to) &&
      received !== undefined &&
      received < to &&
      ![3, 7, 8].includes(d.status ?? 0)
    ) {
      c.inProgress++;
      if (due !== undefined && classifyOpen(now, due, cal) === 'overdue') {
        c.overdue++;
        c.late++;
      }
    }
  }
  return c;
}

/** GET /statistics/agencies. */
export async function statisticsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/statistics/agencies',
    {
      config: { access: ['manager', 'admin', 'agency-head'] },
      schema: {
        tags: ['statistics'],
        summary:
          'Received, in progress, on time, late and the average rating per agency over [from, to] (local days; default: this month)',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(AgencyStats), 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const principal = request.principal!;
      const clockNow = app.clock.now();
      const today = localDay(clockNow);
      const fromDay = request.query.from ?? `${today.slice(0, 7)}-01`;
      const toDay = request.query.to ?? today;
      if (fromDay > toDay)
        throw new ProblemError(
          400,
          'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.',
          '`from` must not be after `to`.',
          { code: 'BAD_PERIOD' },
        );
      const from = startOfDay(fromDay);
      const to = startOfDay(toDay) + DAY;
      const global = principal.roles.includes('manager') || principal.roles.includes('admin');
      const scope = global ? null : agenciesWhere(principal, 'agency-head');
      const agencies = await app.pg.query<{ code: string; name: string }>(
        `SELECT DISTINCT ON (code) code, name FROM agency
          WHERE valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $1::date) AND ($3::text[] IS NULL OR code = ANY($3))
          ORDER BY code, valid_from DESC`,
        [fromDay, toDay, scope],
      );
      const codes = agencies.rows.map((a) => a.code);
      const dossiers = await app.pg.query<Row>(
        `SELECT code, agency_code, status, received_at, due_at, COALESCE(finished_at, returned_at) AS done_at FROM dossier
          WHERE agency_code = ANY($1) AND lifecycle <> 'start-failed' AND received_at < $3
            AND (COALESCE(finished_at, returned_at) IS NULL OR COALESCE(finished_at, returned_at) >= $2)`,
        [codes, new Date(from), new Date(to)],
      );
      const ratings = await app.pg.query<{ agency_code: string; average: string; n: string }>(
        `SELECT d.agency_code, avg(r.score) AS average, count(*) AS n FROM dossier_rating r JOIN dossier d ON d.code = r.dossier_code
          WHERE d.agency_code = ANY($1) AND r.created_at >= $2 AND r.created_at < $3 GROUP BY d.agency_code`,
        [codes, new Date(from), new Date(to)],
      );
      const now = Math.min(clockNow, to);
      return agencies.rows.map((a) => {
        const rating = ratings.rows.find((r) => r.agency_code === a.code);
        return {
          agencyCode: a.code,
          agencyName: a.name,
          ...count(
            dossiers.rows.filter((d) => d.agency_code === a.code),
            from,
            to,
            now,
          ),
          averageRating: rating ? Math.round(Number(rating.average) * 100) / 100 : null,
          ratingCount: Number(rating?.n ?? 0),
        };
      });
    },
  );
}
