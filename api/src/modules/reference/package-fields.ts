/**
 * Tolerant reading of one procedure.json: English or Vietnamese field names, strings or objects, numbers or
 * numeric strings. Returns a ProcedureInput, or a sentence saying why the package cannot be used.
 */
import type { Tier } from './entities.js';
import type { ProcedureInput } from './procedures.js';
import type { ProcedureDocument, ProcedureFee, ProcedureForm, ProcedureVariant } from './procedure-types.js';

/** Finds an agency by code, slug or name. */
export type AgencyResolver = (ref: string) => { code: string; tier: Tier } | undefined;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const num = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/[^0-9.]/g, '')) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const pick = (o: Json, ...keys: string[]): unknown =>
  keys.map((k) => o[k]).find((v) => v !== undefined && v !== null);

function agencyRef(json: Json): string | undefined {
  const a = pick(json, 'agency', 'agencyCode', 'agencySlug', 'coQuan', 'coQuanThucHien');
  if (isObject(a)) return str(pick(a, 'code', 'slug', 'name', 'ma'));
  return str(a);
}

function serviceLevel(json: Json): 1 | 2 | 3 | 4 | undefined {
  const n = num(pick(json, 'serviceLevel', 'onlineLevel', 'mucDo', 'level'));
  return n === 1 || n === 2 || n === 3 || n === 4 ? n : undefined;
}

function scope(json: Json): 'toan-trinh' | 'mot-phan' | undefined {
  const v = str(pick(json, 'scope', 'onlineScope', 'dvcScope'))?.toLowerCase();
  if (v?.includes('toan') || v?.includes('toàn') || v === 'full') return 'toan-trinh';
  if (v?.includes('phan') || v?.includes('phần') || v === 'partial') return 'mot-phan';
  return undefined;
}

function documents(v: unknown): ProcedureDocument[] {
  return list(v).flatMap((d): ProcedureDocument[] => {
    if (typeof d === 'string') return [{ name: d, required: true }];
    if (!isObject(d)) return [];
    const name = str(pick(d, 'name', 'ten', 'title'));
    if (!name) return [];
    return [
      {
        name,
        required: d.required !== false && d.optional !== true,
        originals: num(pick(d, 'originals', 'banChinh')),
        copies: num(pick(d, 'copies', 'banSao')),
        formId: str(pick(d, 'formId', 'form', 'template')),
        note: str(pick(d, 'note', 'description', 'ghiChu')),
      },
    ];
  });
}

function fees(v: unknown): ProcedureFee[] {
  return list(v).flatMap((f): ProcedureFee[] => {
    if (typeof f === 'number' || typeof f === 'string') {
      const amount = num(f);
      return amount === undefined
        ? []
        : [{ kind: 'le-phi', amount, channel: 'all', timing: amount > 0 ? 'before' : 'none' }];
    }
    if (!isObject(f)) return [];
    const amount = num(pick(f, 'amount', 'amountVnd', 'vnd', 'mucPhi')) ?? 0;
    const kind = str(pick(f, 'kind', 'type'))
      ?.toLowerCase()
      .replace(/\s/g, '');
    const channel = str(f.channel);
    const timing = str(f.timing);
    return [
      {
        kind: kind === 'phi' || kind === 'phí' ? 'phi' : 'le-phi',
        amount,
        channel: channel === 'online' || channel === 'paper' ? channel : 'all',
        timing: timing === 'after' || timing === 'none' ? timing : amount > 0 ? 'before' : 'none',
        description: str(pick(f, 'description', 'name', 'note')),
      },
    ];
  });
}

function processingTime(json: Json) {
  const t = pick(json, 'processingTime', 'deadline', 'thoiHan');
  if (t === undefined && json.daysPaper === undefined && json.daysOnline === undefined) return {};
  const o: Json = isObject(t) ? t : { paper: t };
  const unit = str(pick(o, 'unit', 'dayKind', 'kind')) ?? str(json.dayKind) ?? '';
  const calendar = /calendar|ngay$|^ngày$/i.test(unit) && !/working|lam viec|làm việc/i.test(unit);
  const paper =
    num(pick(o, 'paper', 'direct', 'days', 'workingDays', 'calendarDays', 'value')) ?? num(json.daysPaper);
  const online = num(pick(o, 'online', 'onlineDays')) ?? num(json.daysOnline) ?? paper;
  return {
    dayKind: calendar ? ('calendar' as const) : ('working' as const),
    daysPaper: paper ?? null,
    daysOnline: online ?? null,
  };
}

function variants(json: Json, processIds: string[], defaultName: string): ProcedureVariant[] {
  const declared = list(pick(json, 'variants', 'cases', 'truongHop')).flatMap((v, i): ProcedureVariant[] => {
    if (!isObject(v)) return [];
    const bpmnProcessId = str(pick(v, 'bpmnProcessId', 'processId', 'process'));
    if (!bpmnProcessId) return [];
    return [
      {
        id: str(v.id) ?? `v${i + 1}`,
        name: str(pick(v, 'name', 'ten')) ?? defaultName,
        bpmnProcessId,
        noAppointmentDate: v.noAppointmentDate === true,
      },
    ];
  });
  if (declared.length > 0) return declared;
  const single = str(pick(json, 'bpmnProcessId', 'processId')) ?? processIds[0];
  return single ? [{ id: 'default', name: defaultName, bpmnProcessId: single }] : [];
}

const channelOf = (c: unknown): string | undefined => {
  const v = str(c)?.toLowerCase();
  if (!v) return undefined;
  if (v === '1' || v.startsWith('direct') || v.includes('trực tiếp') || v.includes('truc tiep'))
    return 'direct';
  if (v === '2' || v.startsWith('online') || v.includes('trực tuyến') || v.includes('truc tuyen'))
    return 'online';
  if (v === '3' || v.startsWith('post') || v.includes('bưu chính') || v.includes('buu chinh'))
    return 'postal';
  return v;
};

/** What a package states; absent fields stay undefined so the loader keeps earlier values. */
export type PackageFields = Partial<ProcedureInput> & Pick<ProcedureInput, 'name' | 'agencyCode'>;

const given = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);

/** Reads one package's procedure.json. */
export function readPackageJson(
  raw: unknown,
  ctx: { key: string; processIds: string[]; forms: ProcedureForm[]; resolveAgency: AgencyResolver },
): PackageFields | string {
  if (!isObject(raw)) return 'procedure.json is not a JSON object';
  const json = isObject(raw.procedure) ? { ...raw, ...raw.procedure } : raw;
  const name = str(pick(json, 'name', 'title', 'tenThuTuc'));
  if (!name) return 'procedure.json has no name';
  const ref = agencyRef(json);
  const agency = ref ? ctx.resolveAgency(ref) : undefined;
  if (!agency) return ref ? `unknown agency "${ref}"` : 'procedure.json names no agency';
  const tierText = str(pick(json, 'tier', 'adminLevel', 'cap'));
  const tier: Tier | undefined =
    tierText === 'province' || tierText === 'district' || tierText === 'commune' ? tierText : undefined;
  const channels = [
    ...new Set(
      list(pick(json, 'channels', 'kenhThucHien'))
        .map(channelOf)
        .filter((c): c is string => !!c),
    ),
  ];
  const legal = list(pick(json, 'legalBasis', 'canCuPhapLy')).map((l) =>
    isObject(l) ? str(pick(l, 'title', 'name', 'text')) : str(l),
  );
  const feeField = pick(json, 'fees', 'fee', 'phiLePhi');
  return {
    nationalCode: str(pick(json, 'nationalCode', 'code', 'maThuTuc')),
    localCode: str(pick(json, 'localCode', 'maDiaPhuong')),
    name,
    field: str(pick(json, 'field', 'linhVuc', 'sector')),
    agencyCode: agency.code,
    tier,
    serviceLevel: serviceLevel(json),
    scope: scope(json),
    channels: given(channels),
    applicantTypes: given(
      list(pick(json, 'applicantTypes', 'doiTuong'))
        .map(str)
        .filter((s): s is string => !!s),
    ),
    documents: given(documents(pick(json, 'documents', 'requiredDocuments', 'thanhPhanHoSo'))),
    // An explicit empty list or 0 means "no fee", which is information too.
    fees: feeField === undefined ? undefined : fees(feeField),
    ...processingTime(json),
    legalBasis: given(legal.filter((s): s is string => !!s)),
    forms: given(ctx.forms),
    variants: given(variants(json, ctx.processIds, name)),
    steps: given(
      list(pick(json, 'steps', 'trinhTu'))
        .map((s) => (isObject(s) ? str(pick(s, 'name', 'description')) : str(s)))
        .filter((s): s is string => !!s),
    ),
    result: str(pick(json, 'result', 'ketQua')),
    conditions: str(pick(json, 'conditions', 'dieuKien')),
  };
}
