/**
 * Administrative units of Tiền Giang as of the seed (Decision 2201/QĐ-UBND, 2013) and the 2025 structure
 * (docs/domain.md §6). Unit codes are the GSO codes where known to us; commune lists are samples for the
 * demo, not complete (the province had 172 commune-level units). Load the full lists as data, never as code.
 */
import type { AdministrativeUnit } from '../modules/reference/entities.js';

type UnitRow = Omit<AdministrativeUnit, 'code' | 'legalBasis' | 'validTo' | 'parentId'> & {
  code?: string | null;
  legalBasis?: string | null;
  validTo?: string | null;
  parentId?: string | null;
};

const SEED_FROM = '2008-01-01'; // before the seed decision; the exact establishment dates are not needed here
const DISTRICTS_END = '2025-07-01'; // Resolution 203/2025/QH15: district level abolished
const MERGER = '2025-07-01'; // Resolution 202/2025/QH15: Tiền Giang + Đồng Tháp -> Đồng Tháp

function district(
  id: string,
  code: string,
  name: string,
  kind: 'city' | 'town' | 'district',
  from = SEED_FROM,
): UnitRow {
  return { id, code, name, kind, tier: 2, parentId: 'TG', validFrom: from, validTo: DISTRICTS_END };
}

function communes(parentId: string, names: [string, 'ward' | 'commune' | 'township'][]): UnitRow[] {
  return names.map(([name, kind], i) => ({
    id: `${parentId}.${String(i + 1).padStart(2, '0')}`,
    name,
    kind,
    tier: 3,
    parentId,
    validFrom: SEED_FROM,
    validTo: MERGER,
  }));
}

/** Every unit the demo knows, oldest structure first. */
export const TIEN_GIANG_UNITS: UnitRow[] = [
  {
    id: 'TG',
    code: '82',
    name: 'Tỉnh Tiền Giang',
    kind: 'province',
    tier: 1,
    validFrom: SEED_FROM,
    validTo: MERGER,
  },
  district('TG.MT', '815', 'Thành phố Mỹ Tho', 'city'),
  district('TG.GC', '816', 'Thị xã Gò Công', 'town'),
  district('TG.CLT', '817', 'Thị xã Cai Lậy', 'town', '2013-12-26'),
  district('TG.TP', '818', 'Huyện Tân Phước', 'district'),
  district('TG.CB', '819', 'Huyện Cái Bè', 'district'),
  district('TG.CL', '820', 'Huyện Cai Lậy', 'district'),
  district('TG.CT', '821', 'Huyện Châu Thành', 'district'),
  district('TG.CG', '822', 'Huyện Chợ Gạo', 'district'),
  district('TG.GCT', '823', 'Huyện Gò Công Tây', 'district'),
  district('TG.GCD', '824', 'Huyện Gò Công Đông', 'district'),
  district('TG.TPD', '825', 'Huyện Tân Phú Đông', 'district'),
  ...communes('TG.MT', [
    ['Phường 1', 'ward'],
    ['Phường 2', 'ward'],
    ['Phường 4', 'ward'],
    ['Phường 5', 'ward'],
    ['Phường 6', 'ward'],
    ['Phường 10', 'ward'],
    ['Phường Tân Long', 'ward'],
    ['Xã Đạo Thạnh', 'commune'],
    ['Xã Trung An', 'commune'],
    ['Xã Mỹ Phong', 'commune'],
    ['Xã Tân Mỹ Chánh', 'commune'],
    ['Xã Thới Sơn', 'commune'],
  ]),
  ...communes('TG.GCD', [
    ['Thị trấn Tân Hòa', 'township'],
    ['Thị trấn Vàm Láng', 'township'],
    ['Xã Tân Tây', 'commune'],
    ['Xã Kiểng Phước', 'commune'],
    ['Xã Tân Đông', 'commune'],
    ['Xã Gia Thuận', 'commune'],
    ['Xã Tân Điền', 'commune'],
    ['Xã Tân Thành', 'commune'],
  ]),
  ...communes('TG.CB', [
    ['Thị trấn Cái Bè', 'township'],
    ['Xã An Hữu', 'commune'],
    ['Xã Hòa Khánh', 'commune'],
    ['Xã Mỹ Thiện', 'commune'],
  ]),
  // 2025: two tiers. The new Đồng Tháp has 102 commune-level units (82 communes, 20 wards) per
  // Resolution 1663/NQ-UBTVQH15; only a few, around the administrative centre, are listed here.
  {
    id: 'DT2025',
    code: null,
    name: 'Tỉnh Đồng Tháp (sau sắp xếp 2025)',
    kind: 'province',
    tier: 1,
    validFrom: MERGER,
    legalBasis: 'Nghị quyết 202/2025/QH15',
  },
  ...[
    'Phường Mỹ Tho',
    'Phường Đạo Thạnh',
    'Phường Mỹ Phong',
    'Phường Thới Sơn',
    'Phường Trung An',
    'Phường Gò Công',
  ].map((name, i): UnitRow => ({
    id: `DT2025.${String(i + 1).padStart(3, '0')}`,
    name,
    kind: 'ward',
    tier: 3,
    parentId: 'DT2025',
    validFrom: MERGER,
    legalBasis: 'Nghị quyết 1663/NQ-UBTVQH15',
  })),
];
