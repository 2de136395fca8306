/**
 * The holiday calendar (NgayNghi, §4.1): any signed-in user reads a year's holidays, an admin replaces a year's
 * list. At startup the current and next year are seeded from domain/holidays.ts when they have no rows, and the
 * table is loaded into the working calendar of the deadlines and SLA workers (refreshed after each change and
 * every 5 minutes, for other api processes on the same database).
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { refreshWorkingCalendar, replaceHolidayYear, seedHolidayYears, storedHolidays } from './store.js';

const REFRESH_MS = 5 * 60_000;
const HolidayItem = Type.Object(
  { date: Type.String({ format: 'date' }), name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

/** The year of an instant in Vietnam (UTC+7). */
const yearVn = (t: number) => new Date(t + 7 * 3_600_000).getUTCFullYear();

/** GET /calendar/holidays, PUT /calendar/holidays/:year, and the startup seed. */
export async function calendarRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['calendar'];
  let timer: NodeJS.Timeout | undefined;

  app.addHook('onReady', async () => {
    const year = yearVn(app.clock.now());
    await seedHolidayYears(app.pg, [year, year + 1]);
    await refreshWorkingCalendar(app.pg);
    timer = setInterval(
      () =>
        void refreshWorkingCalendar(app.pg).catch((e: unknown) =>
          app.log.warn({ err: e }, 'holiday refresh failed'),
        ),
      REFRESH_MS,
    );
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));

  app.get(
    '/calendar/holidays',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags,
        summary: "A year's holidays (ngày nghỉ lễ, Tết) as the deadlines count them",
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(HolidayItem), 400: Problem, 401: Problem },
      },
    },
    async (request) => {
      const holidays = await storedHolidays(app.pg, request.query.year ?? yearVn(app.clock.now()));
      return holidays.map((h) => ({ date: h.date, name: h.name }));
    },
  );

  app.put(
    '/calendar/holidays/:year',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: "Replace a year's holidays (the Government's yearly schedule); the deadlines use it at once",
        params: YearParams,
        body: Type.Array(HolidayItem, { maxItems: 100 }),
        response: { 200: Type.Array(HolidayItem), 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      const { year } = request.params;
      const dates = request.body.map((h) => h.date);
      const wrong = dates.filter((d) => !d.startsWith(`${year}-`));
      if (wrong.length > 0) {
        throw new ProblemError(
          400,
          `Ngày ${wrong.join(', ')} không thuộc năm ${year}.`,
          `Dates outside ${year}: ${wrong.join(', ')}.`,
          { code: 'HOLIDAY_WRONG_YEAR' },
        );
      }
      if (new Set(dates).size !== dates.length) {
        throw new ProblemError(400, 'Danh sách có ngày nghỉ bị trùng.', 'A date appears twice.', {
          code: 'HOLIDAY_DUPLICATE',
        });
      }
      request.auditTarget = `holidays:${year}`;
      await replaceHolidayYear(app.pg, year, request.body);
      return (await storedHolidays(app.pg, year)).map((h) => ({ date: h.date, name: h.name }));
    },
  );
}
