/**
 * Service-specific jobs as simple, honest implementations against small registers in the database (demo
 * data seeded by the migration): household businesses, driving licences and exam results. Connections to the
 * national systems replace these handlers, not the models.
 */
import { normalizeForSearch } from '../modules/catalogue/normalize.js';
import { nextDocumentNumber } from '../modules/dossiers/repository.js';
import { jobDossier, jobTime, str, type Handler } from './context.js';
import { record } from './delivery.js';

const householdCheck: Handler = async (job, ctx) => {
  const name = normalizeForSearch(str(job, 'businessName') ?? '');
  const owner = str(job, 'applicantIdNumber') ?? '';
  const r = await ctx.pool.query<{ code: string; name_key: string }>(
    `SELECT code, name_key FROM register_household_business WHERE name_key = $1 OR owner_id_number = $2 ORDER BY code`,
    [name, owner],
  );
  return {
    registryCheck: {
      nameAvailable: !r.rows.some((x) => x.name_key === name),
      duplicates: r.rows.map((x) => x.code),
    },
  };
};

const householdRegister: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const existing = await ctx.pool.query<{ code: string }>(
    `SELECT code FROM register_household_business WHERE dossier_code = $1`,
    [d.code],
  );
  if (existing.rows[0]) return { householdBusinessCode: existing.rows[0].code };
  const year = new Date(jobTime(job, ctx)).getUTCFullYear();
  const seq = await nextDocumentNumber(ctx.pool, 'household-business', year);
  const code = `82A8${String(year % 100).padStart(2, '0')}${String(seq).padStart(5, '0')}`;
  const name = str(job, 'businessName') ?? d.applicant_name;
  await ctx.pool.query(
    `INSERT INTO register_household_business (code, name, name_key, owner_id_number, agency_code, dossier_code) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      code,
      name,
      normalizeForSearch(name),
      str(job, 'applicantIdNumber') ?? d.applicant_id_number ?? '',
      d.agency_code,
      d.code,
    ],
  );
  return { householdBusinessCode: code };
};

const licenceCheck: Handler = async (job, ctx) => {
  const r = await ctx.pool.query<{ licence_class: string; expiry_date: string | null }>(
    `SELECT licence_class, expiry_date::text FROM register_driving_licence WHERE licence_number = $1 AND holder_id_number = $2 AND status = 'valid'`,
    [str(job, 'currentLicenceNumber') ?? '', str(job, 'applicantIdNumber') ?? ''],
  );
  const row = r.rows[0];
  return {
    licenceCheck: {
      found: row !== undefined,
      licenceClass: row?.licence_class ?? null,
      expiryDate: row?.expiry_date ?? null,
    },
  };
};

const examResult: Handler = async (job, ctx) => {
  const r = await ctx.pool.query<{ passed: boolean; exam_date: string; council: string }>(
    `SELECT passed, exam_date::text, council FROM register_driving_exam WHERE id_number = $1 AND licence_class = $2 ORDER BY exam_date DESC LIMIT 1`,
    [str(job, 'applicantIdNumber') ?? '', str(job, 'licenceClass') ?? ''],
  );
  const row = r.rows[0];
  return {
    examResult: {
      passed: row?.passed ?? false,
      examDate: row?.exam_date ?? null,
      council: row?.council ?? null,
    },
  };
};

const licencePrint: Handler = async (job, ctx) => {
  const d = await jobDossier(job, ctx);
  const seq = await nextDocumentNumber(ctx.pool, 'driving-licence', 0);
  const number = `82${String(900000000 + seq).padStart(10, '0')}`;
  const check = job.variables.licenceCheck as { licenceClass?: string } | undefined;
  const licenceClass = check?.licenceClass ?? str(job, 'licenceClass') ?? 'B2';
  const old = str(job, 'currentLicenceNumber');
  if (old)
    await ctx.pool.query(`UPDATE register_driving_licence SET status = 'cut' WHERE licence_number = $1`, [
      old,
    ]);
  await ctx.pool.query(
    `INSERT INTO register_driving_licence (licence_number, holder_id_number, licence_class, expiry_date) VALUES ($1, $2, $3, NULL) ON CONFLICT DO NOTHING`,
    [number, str(job, 'applicantIdNumber') ?? d.applicant_id_number ?? '', licenceClass],
  );
  return { newLicenceNumber: number };
};

const websiteCheck: Handler = async (job) => {
  const domain = (str(job, 'domainName') ?? '').trim().toLowerCase();
  const location = (str(job, 'serverLocation') ?? '').toLowerCase();
  return {
    technicalCheck: {
      domainValid: /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+vn$/.test(domain),
      serverInVietnam:
        /việt nam|viet nam|vietnam|\bvn\b|hà nội|ha noi|hồ chí minh|ho chi minh|tiền giang|tien giang/.test(
          location,
        ),
    },
  };
};

/** Service-specific handlers by job type. */
export const serviceHandlers: Record<string, Handler> = {
  'business-registry.household.check': householdCheck,
  'business-registry.household.register': householdRegister,
  'register.driving-licence.check': licenceCheck,
  'register.driving-licence.exam-result': examResult,
  'driving-licence.print': licencePrint,
  'website.technical-check': websiteCheck,
  'investment.register': record('investment-registration', 'DT', 'projectCode'),
  'promotion.acknowledge': record('promotion-acknowledgement', 'KM', 'receiptNumber'),
  'promotion.sync-national': record('promotion-national-sync', 'TBKM', 'nationalReference'),
  'complaint.acceptance-notice': record('complaint-acceptance', 'TLKN', 'acceptanceNoticeNumber'),
  'complaint.rejection-notice': record('complaint-rejection', 'KTLKN', 'rejectionNoticeNumber'),
  'land.commune-confirmation.request': record('commune-confirmation-request', 'XNX', 'communeRequestNumber'),
  'tax.obligation': record('tax-transfer', 'CTT', 'taxTransferNumber'),
  'land.register.update': record('land-certificate', 'GCN', 'certificateSerial'),
  'licence.register': record('licence', 'GP', 'licenceNumber'),
};
