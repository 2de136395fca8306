/**
 * The dossier's documents: Mẫu 01 receipt, the other issued forms, Mẫu 05 (processing control sheet) on demand,
 * and an agency's Mẫu 06 (tracking log of the dossiers received over a period).
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { renderControlSheet, renderReceipt, renderTrackingLog } from '../../domain/forms-pdf/index.js';
import { formatTrackingSecret, normalizeTrackingSecret } from '../../domain/tracking-secret.js';
import { ProblemError } from '../../plugins/errors.js';
import { hasRoleIn } from '../identity/principal.js';
import { Problem } from '../identity/schemas.js';
import {
  REGISTER_MAX_DAYS,
  REGISTER_MAX_ROWS,
  agencyHeader,
  receiptSlipData,
  registerData,
  registerPeriod,
} from './documents.js';
import { dossierHistory, isAgencyOfficer, isOwner, readableDossier } from './repository.js';
import { checkSecret, trackingPepper } from './secrets.js';
import { Binary, CodeParams, DocumentItem } from './schemas.js';
import { storageFor } from './storage-registry.js';
import { labelOf } from './views.js';

/** The secret as printed for the applicant (`K7QM-XR3D`), whatever spacing or case was typed. */
const printedSecret = (typed: string): string => {
  const secret = normalizeTrackingSecret(typed);
  return secret ? formatTrackingSecret(secret) : typed.trim();
};

interface DocumentRow {
  id: string;
  kind: string;
  number: string;
  storage_key: string | null;
  created_at: Date;
}

/** Documents as PDF. */
export async function documentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dossiers'];
  const pdf = (name: string) => ({ 'content-disposition': `inline; filename="${name}"` });

  const sendStored = async (code: string, kind: string | undefined, id: string | undefined) => {
    const r = await app.pg.query<DocumentRow>(
      `SELECT * FROM dossier_document WHERE dossier_code = $1 AND ($2::text IS NULL OR kind = $2) AND ($3::uuid IS NULL OR id = $3) AND storage_key IS NOT NULL
        ORDER BY created_at DESC LIMIT 1`,
      [code, kind ?? null, id ?? null],
    );
    const doc = r.rows[0];
    if (!doc?.storage_key) {
      throw new ProblemError(
        404,
        kind === 'receipt'
          ? 'Hồ sơ chưa được tiếp nhận nên chưa có Giấy tiếp nhận.'
          : 'Không tìm thấy văn bản.',
        'No such document.',
      );
    }
    return { doc, body: await storageFor(app).get(doc.storage_key) };
  };

  app.get(
    '/dossiers/:code/receipt.pdf',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags,
        summary: 'Mẫu 01: receipt and appointment slip',
        params: CodeParams,
        response: { 200: Binary, 404: Problem },
      },
    },
    async (request, reply) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      const { body } = await sendStored(d.code, 'receipt', undefined);
      return reply
        .type('application/pdf')
        .headers(pdf(`mau-01-${d.code}.pdf`))
        .send(body);
    },
  );

  app.post(
    '/dossiers/:code/receipt-slip.pdf',
    {
      config: { access: ['citizen', 'business', 'one-stop'] },
      schema: {
        tags,
        summary:
          'Mẫu 01 with the tracking secret printed ("Mã tra cứu"), rendered now; the secret is checked against the stored hash (applicant, one-stop officer of its agency)',
        params: CodeParams,
        body: Type.Object(
          {
            secret: Type.String({
              minLength: 1,
              maxLength: 64,
              description: 'The tracking secret returned once by the submission',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Binary, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const d = await readableDossier(app.pg, principal, request.params.code);
      request.auditTarget = d.code;
      if (!isOwner(principal, d) && !hasRoleIn(principal, d.agency_code, 'one-stop')) {
        throw new ProblemError(
          403,
          'Chỉ người nộp hồ sơ hoặc cán bộ một cửa của cơ quan giải quyết mới in được giấy tiếp nhận có mã tra cứu.',
          "Only the applicant or a one-stop officer of the dossier's agency may print the receipt with its tracking secret.",
          { code: 'FORBIDDEN' },
        );
      }
      if (!(await checkSecret(await trackingPepper(app.pg), d.code, request.body.secret, d.tracking_hash))) {
        throw new ProblemError(
          400,
          'Mã tra cứu không đúng với hồ sơ này. Vui lòng nhập đúng mã tra cứu được cấp khi nộp hồ sơ.',
          'The tracking secret does not match this dossier.',
          { code: 'WRONG_SECRET' },
        );
      }
      const body = await renderReceipt(
        await receiptSlipData(app.pg, d, printedSecret(request.body.secret), app.clock.now()),
      );
      return reply
        .type('application/pdf')
        .headers({ ...pdf(`mau-01-${d.code}.pdf`), 'cache-control': 'no-store' })
        .send(body);
    },
  );

  app.get(
    '/dossiers/:code/documents',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags,
        summary: 'Documents issued for a dossier (Mẫu 01-04, results, ...)',
        params: CodeParams,
        response: { 200: Type.Array(DocumentItem), 404: Problem },
      },
    },
    async (request) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      const r = await app.pg.query<DocumentRow>(
        `SELECT * FROM dossier_document WHERE dossier_code = $1 ORDER BY created_at, id`,
        [d.code],
      );
      return r.rows.map((x) => ({
        id: x.id,
        kind: x.kind,
        number: x.number,
        createdAt: x.created_at.toISOString(),
        hasPdf: x.storage_key !== null,
      }));
    },
  );

  app.get(
    '/dossiers/:code/documents/:id',
    {
      config: { access: ['authenticated'] },
      schema: {
        tags,
        summary: 'One issued document as PDF',
        params: Type.Object({ code: Type.String(), id: Type.String({ format: 'uuid' }) }),
        response: { 200: Binary, 404: Problem },
      },
    },
    async (request, reply) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      const { doc, body } = await sendStored(d.code, undefined, request.params.id);
      return reply
        .type('application/pdf')
        .headers(pdf(`${doc.kind}-${d.code}.pdf`))
        .send(body);
    },
  );

  app.get(
    '/dossiers/:code/control-sheet.pdf',
    {
      config: { access: ['one-stop', 'specialist', 'section-head', 'agency-head', 'manager', 'admin'] },
      schema: {
        tags,
        summary: 'Mẫu 05: processing control sheet, from the status history',
        params: CodeParams,
        response: { 200: Binary, 404: Problem },
      },
    },
    async (request, reply) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      const history = await dossierHistory(app.pg, d.code);
      const receipt = await app.pg.query<{ number: string }>(
        `SELECT number FROM dossier_document WHERE dossier_code = $1 AND kind = 'receipt' LIMIT 1`,
        [d.code],
      );
      const body = await renderControlSheet({
        header: await agencyHeader(app.pg, d.agency_code, undefined, app.clock.now()),
        dossierCode: d.code,
        receiptNumber: receipt.rows[0]?.number ?? '',
        leadAgency: d.agency_code,
        cooperatingAgencies: [],
        steps: history.map((h) => ({
          from: h.actor ?? 'Hệ thống',
          to: labelOf(h.status),
          at: Date.parse(h.at),
          note: h.note ?? undefined,
        })),
      });
      return reply
        .type('application/pdf')
        .headers(pdf(`mau-05-${d.code}.pdf`))
        .send(body);
    },
  );

  app.get(
    '/agencies/:agencyCode/register.pdf',
    {
      config: { access: ['one-stop', 'specialist', 'section-head', 'agency-head', 'manager', 'admin'] },
      schema: {
        tags,
        summary: `Mẫu 06: tracking log of the dossiers the agency received in [from, to] (local days; default: this month; at most ${REGISTER_MAX_DAYS} days, ${REGISTER_MAX_ROWS} dossiers)`,
        params: Type.Object({
          agencyCode: Type.String({
            minLength: 1,
            maxLength: 60,
            pattern: '^[A-Za-z0-9.-]+$',
            description: 'Mã định danh (or slug) of the agency',
          }),
        }),
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ maxLength: 20, description: 'First day, YYYY-MM-DD' })),
            to: Type.Optional(Type.String({ maxLength: 20, description: 'Last day, YYYY-MM-DD' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Binary, 400: Problem, 401: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const { agencyCode } = request.params;
      const found = await app.pg.query<{ code: string }>(
        `SELECT code FROM agency WHERE code = $1 OR slug = $1 ORDER BY valid_from DESC LIMIT 1`,
        [agencyCode],
      );
      const code = found.rows[0]?.code;
      if (!code)
        throw new ProblemError(404, `Không tìm thấy cơ quan ${agencyCode}.`, `No agency ${agencyCode}.`);
      const global = principal.roles.includes('manager') || principal.roles.includes('admin');
      if (!global && !isAgencyOfficer(principal, { agency_code: code })) {
        throw new ProblemError(
          403,
          'Tài khoản của bạn không có quyền xem sổ theo dõi hồ sơ của cơ quan này.',
          `Only officers of ${code}, managers and admins may read its register.`,
          { code: 'FORBIDDEN' },
        );
      }
      const now = app.clock.now();
      const period = registerPeriod(request.query.from, request.query.to, now);
      const body = await renderTrackingLog(await registerData(app.pg, code, period, now));
      return reply
        .type('application/pdf')
        .headers(pdf(`mau-06-${code}-${period.fromDay}-${period.toDay}.pdf`))
        .send(body);
    },
  );
}
