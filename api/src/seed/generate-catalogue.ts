/**
 * A realistic catalogue of n procedures for load tests, in the proportions of Decision 2201/QĐ-UBND (2013):
 * 1,441 procedures = 1,146 provincial + 152 district + 143 commune. Deterministic (seeded), so two runs and
 * two machines produce the same catalogue. Not part of the demo seed.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ProcedureSchema, type Tier } from '../modules/reference/entities.js';
import { agencyDirectory, applyProcedure, type ProcedureInput } from '../modules/reference/procedures.js';
import type { Procedure } from '../modules/reference/entities.js';
import {
  ACTIONS,
  COMMUNE_ACTIONS,
  COMMUNE_FIELDS,
  DISTRICT_FIELDS,
  PROVINCE_FIELDS,
  QUALIFIERS,
  type FieldVocabulary,
} from './catalogue-vocabulary.js';
import { TIEN_GIANG_AGENCIES } from './tien-giang-agencies.js';

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHARE = { province: 1146 / 1441, district: 152 / 1441 };

function agencyFor(v: FieldVocabulary, tier: Tier, rnd: () => number): string {
  if (tier === 'province')
    return TIEN_GIANG_AGENCIES.find((a) => a.slug === v.agency)?.code ?? '000.00.00.H58';
  const pool =
    tier === 'commune'
      ? TIEN_GIANG_AGENCIES.filter((a) => a.tier === 'commune')
      : TIEN_GIANG_AGENCIES.filter(
          (a) => a.slug.startsWith(v.agency === 'tckh' ? 'tckh-' : 'ubnd-') && a.tier === 'district',
        );
  return pool[Math.floor(rnd() * pool.length)]?.code ?? '000.00.00.H58';
}

function pickOf<T>(items: readonly T[], rnd: () => number): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function names(
  vocab: FieldVocabulary[],
  actions: string[],
  count: number,
  rnd: () => number,
  taken: Set<string>,
) {
  const out: { name: string; v: FieldVocabulary }[] = [];
  for (let guard = 0; out.length < count && guard < count * 50; guard += 1) {
    const v = pickOf(vocab, rnd);
    const base = `${pickOf(actions, rnd)} ${pickOf(v.objects, rnd)}${pickOf(QUALIFIERS, rnd)}`;
    if (taken.has(base)) continue;
    taken.add(base);
    out.push({ name: base, v });
  }
  // The vocabulary is finite: number the rest rather than loop forever for very large n.
  for (let i = 1; out.length < count; i += 1) {
    const v = pickOf(vocab, rnd);
    out.push({ name: `${pickOf(actions, rnd)} ${pickOf(v.objects, rnd)} (trường hợp ${i})`, v });
  }
  return out;
}

/** Generates `n` procedures (default 1,441) with the 2013 tier proportions. */
export function generateCatalogue(n = 1441, seed = 2201): ProcedureInput[] {
  const rnd = prng(seed);
  const province = Math.round(n * SHARE.province);
  const district = Math.round(n * SHARE.district);
  const commune = n - province - district;
  const taken = new Set<string>();
  const plan: [Tier, FieldVocabulary[], string[], number][] = [
    ['province', PROVINCE_FIELDS, ACTIONS, province],
    ['district', DISTRICT_FIELDS, ACTIONS, district],
    ['commune', COMMUNE_FIELDS, COMMUNE_ACTIONS, commune],
  ];
  let serial = 0;
  return plan.flatMap(([tier, vocab, actions, count]) =>
    names(vocab, actions, count, rnd, taken).map(({ name, v }): ProcedureInput => {
      serial += 1;
      const r = rnd();
      const serviceLevel = r < 0.03 ? 1 : r < 0.6 ? 2 : r < 0.9 ? 3 : 4;
      const days = pickOf([1, 3, 5, 7, 10, 15, 20, 30], rnd);
      const fee = pickOf([0, 0, 0, 20000, 50000, 100000, 200000, 500000], rnd);
      return {
        nationalCode: `${rnd() < 0.7 ? 1 : 2}.${String(1000 + serial).padStart(6, '0')}`,
        localCode: `TG-${tier.charAt(0).toUpperCase()}-${String(serial).padStart(4, '0')}`,
        name,
        field: v.field,
        agencyCode: agencyFor(v, tier, rnd),
        tier,
        serviceLevel: serviceLevel as ProcedureInput['serviceLevel'],
        scope: serviceLevel === 4 ? 'toan-trinh' : 'mot-phan',
        channels: serviceLevel >= 3 ? ['direct', 'online', 'postal'] : ['direct', 'postal'],
        documents: [{ name: `Tờ khai / đơn đề nghị ${name.toLowerCase()}`, required: true, originals: 1 }],
        fees: fee > 0 ? [{ kind: 'le-phi', amount: fee, channel: 'all', timing: 'before' }] : [],
        daysPaper: days,
        daysOnline: days,
        legalBasis: ['Dữ liệu sinh tự động cho kiểm thử tải'],
        source: 'generated',
        validFrom: '2013-09-11',
      };
    }),
  );
}

/** Replaces the generated procedures in the database with a fresh catalogue of `n` (agencies must exist). */
export async function insertGeneratedCatalogue(em: EntityManager, n = 1441): Promise<number> {
  await em.nativeDelete(ProcedureSchema, { source: 'generated' });
  const directory = await agencyDirectory(em);
  for (const input of generateCatalogue(n))
    em.create(ProcedureSchema, applyProcedure({}, input, directory) as Procedure);
  await em.flush();
  return n;
}
