/**
 * Tiền Giang's agencies for the demo. Codes follow the mã định danh layout of docs/domain.md §3.1
 * (`level4.level3.level2.H58`, read right to left); H58 for Tiền Giang is inferred and the level-2/3 numbers
 * are illustrative, not the official list of Decision 20/2020/QĐ-TTg. Replace them with the province's list.
 */
import type { Tier } from '../modules/reference/entities.js';

/** One agency of the demo. */
export interface AgencySeed {
  code: string;
  slug: string;
  name: string;
  shortName?: string;
  tier: Tier;
  parentCode?: string;
  adminUnitId: string;
}

const P = 'H58';
const dept = (n: number, slug: string, name: string, shortName?: string): AgencySeed => ({
  code: `000.00.${String(n).padStart(2, '0')}.${P}`,
  slug,
  name,
  shortName,
  tier: 'province',
  parentCode: `000.00.00.${P}`,
  adminUnitId: 'TG',
});

const districts: [number, string, string, string][] = [
  [21, 'mytho', 'Thành phố Mỹ Tho', 'TG.MT'],
  [22, 'gocong', 'Thị xã Gò Công', 'TG.GC'],
  [23, 'cailay-tx', 'Thị xã Cai Lậy', 'TG.CLT'],
  [24, 'caibe', 'Huyện Cái Bè', 'TG.CB'],
  [25, 'cailay', 'Huyện Cai Lậy', 'TG.CL'],
  [26, 'chauthanh', 'Huyện Châu Thành', 'TG.CT'],
  [27, 'chogao', 'Huyện Chợ Gạo', 'TG.CG'],
  [28, 'gocongtay', 'Huyện Gò Công Tây', 'TG.GCT'],
  [29, 'gocongdong', 'Huyện Gò Công Đông', 'TG.GCD'],
  [30, 'tanphuoc', 'Huyện Tân Phước', 'TG.TP'],
  [31, 'tanphudong', 'Huyện Tân Phú Đông', 'TG.TPD'],
];

/** Districts whose Phòng Tài chính - Kế hoạch registers business households in the seed decision. */
const BUSINESS_REGISTRARS = ['mytho', 'caibe', 'cailay', 'chogao', 'gocongdong'];

/** The demo's agencies: provincial departments, district committees and their offices. */
export const TIEN_GIANG_AGENCIES: AgencySeed[] = [
  {
    code: `000.00.00.${P}`,
    slug: 'ubnd-tinh',
    name: 'Ủy ban nhân dân tỉnh Tiền Giang',
    shortName: 'UBND tỉnh',
    tier: 'province',
    adminUnitId: 'TG',
  },
  dept(1, 'vp-ubnd', 'Văn phòng Ủy ban nhân dân tỉnh', 'VP UBND tỉnh'),
  dept(2, 'snv', 'Sở Nội vụ'),
  dept(3, 'stc', 'Sở Tài chính'),
  dept(4, 'skhdt', 'Sở Kế hoạch và Đầu tư', 'Sở KH&ĐT'),
  dept(5, 'sct', 'Sở Công Thương'),
  dept(6, 'sgtvt', 'Sở Giao thông vận tải', 'Sở GTVT'),
  dept(7, 'stttt', 'Sở Thông tin và Truyền thông', 'Sở TT&TT'),
  dept(8, 'thanhtra', 'Thanh tra tỉnh'),
  dept(9, 'stnmt', 'Sở Tài nguyên và Môi trường', 'Sở TN&MT'),
  dept(10, 'stp', 'Sở Tư pháp'),
  dept(11, 'sxd', 'Sở Xây dựng'),
  dept(12, 'syt', 'Sở Y tế'),
  dept(13, 'sgddt', 'Sở Giáo dục và Đào tạo', 'Sở GD&ĐT'),
  dept(14, 'snnptnt', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở NN&PTNT'),
  dept(15, 'sldtbxh', 'Sở Lao động - Thương binh và Xã hội', 'Sở LĐ-TB&XH'),
  dept(16, 'svhttdl', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở VH-TT&DL'),
  dept(17, 'skhcn', 'Sở Khoa học và Công nghệ', 'Sở KH&CN'),
  {
    code: `000.01.09.${P}`,
    slug: 'vpdkdd',
    name: 'Văn phòng Đăng ký đất đai tỉnh Tiền Giang',
    tier: 'province',
    parentCode: `000.00.09.${P}`,
    adminUnitId: 'TG',
  },
  {
    code: `029.01.09.${P}`,
    slug: 'vpdkdd-gocongdong',
    name: 'Chi nhánh Văn phòng Đăng ký đất đai huyện Gò Công Đông',
    tier: 'district',
    parentCode: `000.01.09.${P}`,
    adminUnitId: 'TG.GCD',
  },
  ...districts.flatMap(([n, slug, name, unit]): AgencySeed[] => {
    const committee = `000.00.${n}.${P}`;
    const rows: AgencySeed[] = [
      {
        code: committee,
        slug: `ubnd-${slug}`,
        name: `Ủy ban nhân dân ${name}`,
        tier: 'district',
        parentCode: `000.00.00.${P}`,
        adminUnitId: unit,
      },
    ];
    if (BUSINESS_REGISTRARS.includes(slug)) {
      rows.push({
        code: `000.01.${n}.${P}`,
        slug: `tckh-${slug}`,
        name: `Phòng Tài chính - Kế hoạch ${name}`,
        tier: 'district',
        parentCode: committee,
        adminUnitId: unit,
      });
    }
    if (slug === 'gocongdong') {
      rows.push({
        code: `000.02.${n}.${P}`,
        slug: `tnmt-${slug}`,
        name: `Phòng Tài nguyên và Môi trường ${name}`,
        tier: 'district',
        parentCode: committee,
        adminUnitId: unit,
      });
      rows.push({
        code: `001.00.${n}.${P}`,
        slug: 'ubnd-xa-tantay',
        name: 'Ủy ban nhân dân xã Tân Tây',
        tier: 'commune',
        parentCode: committee,
        adminUnitId: 'TG.GCD.03',
      });
    }
    return rows;
  }),
];

/** Looks a demo agency up by slug (throws on a typo in seed data). */
export function agencyBySlug(slug: string): AgencySeed {
  const found = TIEN_GIANG_AGENCIES.find((a) => a.slug === slug);
  if (!found) throw new Error(`No demo agency with slug ${slug}`);
  return found;
}
