/**
 * Demo accounts: one per role, and a full officer team (one-stop, specialist, section head, agency head) in
 * each agency of the ten key services, so every BPMN candidate group `<agencyCode>:<role>` has members.
 * They all share one documented password: this is demo data, never seed it in production (SEED_DEMO=false).
 */
import type { AccountRole, Membership, OfficerRole } from '../modules/identity/roles.js';
import { agencyBySlug } from './tien-giang-agencies.js';

/** The password of every demo account, printed by `npm start`. */
export const DEMO_PASSWORD = 'MotCua@2013';

/** A demo account. */
export interface DemoAccount {
  username: string;
  fullName: string;
  roles: AccountRole[];
  memberships: Membership[];
  citizenId?: string;
  email?: string;
}

/** Agencies that get a full officer team (slug). */
export const DEMO_AGENCY_SLUGS = [
  'skhdt',
  'sct',
  'sgtvt',
  'thanhtra',
  'stttt',
  'tckh-mytho',
  'tckh-caibe',
  'tckh-cailay',
  'tckh-chogao',
  'tckh-gocongdong',
  'tnmt-gocongdong',
  'vpdkdd-gocongdong',
];

const TEAM: [OfficerRole, string, string][] = [
  ['one-stop', 'motcua', 'Cán bộ một cửa'],
  ['specialist', 'chuyenvien', 'Chuyên viên'],
  ['section-head', 'truongphong', 'Lãnh đạo phòng'],
  ['agency-head', 'lanhdao', 'Lãnh đạo'],
];

/** Every demo account. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'congdan',
    fullName: 'Nguyễn Văn An',
    roles: ['citizen'],
    memberships: [],
    citizenId: '082201000001',
    email: 'congdan@example.vn',
  },
  {
    username: 'doanhnghiep',
    fullName: 'Trần Thị Bích (Công ty TNHH Mekong Xanh)',
    roles: ['business'],
    memberships: [],
    citizenId: '082301000002',
  },
  ...DEMO_AGENCY_SLUGS.flatMap((slug) => {
    const agency = agencyBySlug(slug);
    return TEAM.map(([role, prefix, label]): DemoAccount => ({
      username: `${prefix}.${slug}`,
      fullName: `${label} - ${agency.shortName ?? agency.name}`,
      roles: [],
      memberships: [{ agencyCode: agency.code, role }],
    }));
  }),
  { username: 'phantich', fullName: 'Chuyên viên phân tích quy trình', roles: ['analyst'], memberships: [] },
  { username: 'quanly', fullName: 'Cán bộ theo dõi, thống kê', roles: ['manager'], memberships: [] },
  { username: 'quantri', fullName: 'Quản trị hệ thống', roles: ['admin'], memberships: [] },
];

/** The logins printed at start: one per role. */
export const DEMO_LOGINS = [
  ['Công dân / citizen', 'congdan'],
  ['Doanh nghiệp / business', 'doanhnghiep'],
  ['Một cửa / one-stop', 'motcua.skhdt'],
  ['Chuyên viên / specialist', 'chuyenvien.skhdt'],
  ['Lãnh đạo phòng / section-head', 'truongphong.skhdt'],
  ['Lãnh đạo đơn vị / agency-head', 'lanhdao.skhdt'],
  ['Phân tích / analyst', 'phantich'],
  ['Quản lý / manager', 'quanly'],
  ['Quản trị / admin', 'quantri'],
].map(([role, username]) => ({ role: role ?? '', username: username ?? '', password: DEMO_PASSWORD }));
