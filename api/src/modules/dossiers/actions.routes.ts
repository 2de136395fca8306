/**
 * Commands on a dossier: supplementation and withdrawal by the applicant (messages to the model), stop by a
 * leader (status 8: the instance is cancelled with a reason), fee payment recorded at the counter.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ProblemError } from '../../plugins/errors.js';
import { hasRoleIn } from '../identity/principal.js';
import { Problem } from '../identity/schemas.js';
import { ProcedureSchema } from '../reference/entities.js';
import { validateForm } from './form-validation.js';
import { dossierNotFound, isOwner, readableDossier, type DossierRow } from './repository.js';
import { Accepted, CodeParams, PaymentBody, ReasonBody, SupplementBody } from './schemas.js';
import { recordStatus } from './status.js';
import { applicationForm } from './submit.js';

const DAY_MS = 86_400_000;

function requireStatus(d: DossierRow, allowed: readonly number[], vi: string): void {
  if (d.lifecycle !== 'active' || d.status === null || !allowed.includes(d.status)) {
    throw new ProblemError(409, vi, `Not allowed in status ${d.status ?? 'none'}.`, {
      code: 'WRONG_STATUS',
      status: d.status,
    });
  }
}

/** Supplement, withdraw, stop, pay. */
export async function actionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['dossiers'];
  const response = { 202: Accepted, 200: Accepted, 400: Problem, 404: Problem, 409: Problem };

  app.post(
    '/dossiers/:code/supplement',
    {
      config: { access: ['citizen', 'business'] },
      schema: {
        tags,
        summary: 'Submit the requested supplement (the legal clock resumes)',
        params: CodeParams,
        body: SupplementBody,
        response,
      },
    },
    async (request, reply) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      if (!isOwner(request.principal!, d)) throw dossierNotFound(d.code);
      requireStatus(d, [5], 'Hồ sơ không ở trạng thái chờ bổ sung.');
      const changes = request.body.formData ?? {};
      const procedure = await request.em.findOne(ProcedureSchema, { id: d.procedure_id });
      const schema = procedure ? applicationForm(procedure, d.bpmn_process_id) : undefined;
      const merged = { ...d.form_data, ...changes };
      const { data, problems } = schema ? validateForm(schema, merged) : { data: merged, problems: [] };
      if (problems.length > 0) {
        throw new ProblemError(
          400,
          `Biểu mẫu chưa hợp lệ: ${problems.map((p) => p.message_vi).join(' ')}`,
          'The form is not valid.',
          { code: 'FORM_INVALID', problems },
        );
      }
      await app.pg.query(`UPDATE dossier SET form_data = $2, updated_at = now() WHERE code = $1`, [
        d.code,
        JSON.stringify(data),
      ]);
      const changed = Object.fromEntries(
        Object.keys(changes)
          .filter((k) => k in data)
          .map((k) => [k, data[k]]),
      );
      // The procedure's own variables take the corrected fields too: the message below only reaches the completeness
      // check (a called process, which passes back its outcome, not the application form).
      if (d.process_instance_key && Object.keys(changed).length > 0) {
        await app.engine.setVariables({ elementInstanceKey: d.process_instance_key, variables: changed });
      }
      await app.engine.publishMessage({
        name: 'dossier-supplemented',
        correlationKey: d.code,
        timeToLiveMs: DAY_MS,
        variables: { ...changed, supplementNote: request.body.note ?? null },
      });
      request.auditTarget = d.code;
      return reply.code(202).send({ code: d.code, status: d.status, message_vi: 'Đã gửi hồ sơ bổ sung.' });
    },
  );

  app.post(
    '/dossiers/:code/withdrawal',
    {
      config: { access: ['citizen', 'business'] },
      schema: {
        tags,
        summary: 'Withdraw the dossier (status 7)',
        params: CodeParams,
        body: ReasonBody,
        response,
      },
    },
    async (request, reply) => {
      const d = await readableDossier(app.pg, request.principal, request.params.code);
      if (!isOwner(request.principal!, d)) throw dossierNotFound(d.code);
      requireStatus(d, [1, 2, 4, 5, 6], 'Hồ sơ đã kết thúc, không thể rút.');
      await app.engine.publishMessage({
        name: 'dossier-withdrawn',
        correlationKey: d.code,
        timeToLiveMs: DAY_MS,
        messageId: `${d.code}:withdrawn`,
        variables: { withdrawalReason: request.body.reason },
      });
      request.auditTarget = d.code;
      return reply
        .code(202)
        .send({ code: d.code, status: d.status, message_vi: 'Đã gửi yêu cầu rút hồ sơ.' });
    },
  );

  app.post(
    '/dossiers/:code/stop',
    {
      config: { access: ['section-head', 'agency-head'] },
      schema: {
        tags,
        summary: 'Stop processing (status 8): cancels the process instance, with a reason',
        params: CodeParams,
        body: ReasonBody,
        response,
      },
    },
    async (request) => {
      const principal = request.principal!;
      const d = await readableDossier(app.pg, principal, request.params.code);
      if (
        !hasRoleIn(principal, d.agency_code, 'section-head') &&
        !hasRoleIn(principal, d.agency_code, 'agency-head')
      )
        throw dossierNotFound(d.code);
      requireStatus(d, [1, 2, 4, 5, 6], 'Hồ sơ đã kết thúc, không thể dừng xử lý.');
      if (d.process_instance_key) await app.engine.cancelProcessInstance(d.process_instance_key);
      await app.pg.query(`UPDATE dossier SET stop_reason = $2 WHERE code = $1`, [
        d.code,
        request.body.reason,
      ]);
      await recordStatus(app.pg, {
        dossierCode: d.code,
        status: 8,
        at: new Date(app.clock.now()),
        actor: principal.username,
        note: request.body.reason,
      });
      request.auditTarget = d.code;
      return { code: d.code, status: 8, message_vi: 'Đã dừng xử lý hồ sơ.' };
    },
  );

  app.post(
    '/dossiers/:code/payments',
    {
      config: { access: ['one-stop'] },
      schema: {
        tags,
        summary: 'Record the fee payment (counter receipt or payment platform reference): message fee-paid',
        params: CodeParams,
        body: PaymentBody,
        response,
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const d = await readableDossier(app.pg, principal, request.params.code);
      if (!hasRoleIn(principal, d.agency_code, 'one-stop')) throw dossierNotFound(d.code);
      requireStatus(d, [6], 'Hồ sơ không ở trạng thái chờ thực hiện nghĩa vụ tài chính.');
      await app.engine.publishMessage({
        name: 'fee-paid',
        correlationKey: d.code,
        timeToLiveMs: DAY_MS,
        messageId: `${d.code}:fee:${request.body.reference}`,
        variables: { paymentReference: request.body.reference },
      });
      request.auditTarget = d.code;
      return reply
        .code(202)
        .send({ code: d.code, status: d.status, message_vi: 'Đã ghi nhận nộp phí, lệ phí.' });
    },
  );
}
