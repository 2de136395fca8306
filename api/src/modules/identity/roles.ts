/**
 * The roles of Một Cửa. Citizen-side and system-wide roles are held by the account itself; officer roles are
 * held per agency (a membership), because a specialist of Sở Công Thương must not see Sở Giao thông vận tải's
 * tasks. A membership is also a BPMN candidate group, `<agencyCode>:<role>`.
 */

/** Every role, with its Vietnamese label for the UI and the docs. */
export const ROLES = {
  citizen: 'Công dân',
  business: 'Đại diện doanh nghiệp',
  'one-stop': 'Cán bộ một cửa',
  specialist: 'Chuyên viên',
  'section-head': 'Lãnh đạo phòng',
  'agency-head': 'Lãnh đạo đơn vị',
  analyst: 'Chuyên viên phân tích quy trình',
  manager: 'Cán bộ quản lý, theo dõi',
  admin: 'Quản trị hệ thống',
} as const;

/** A role name. */
export type Role = keyof typeof ROLES;

/** Roles that only exist inside an agency (they form candidate groups). */
export const OFFICER_ROLES = [
  'one-stop',
  'specialist',
  'section-head',
  'agency-head',
] as const satisfies readonly Role[];

/** An officer role. */
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** Roles held by the account itself, independent of any agency. */
export const ACCOUNT_ROLES = [
  'citizen',
  'business',
  'analyst',
  'manager',
  'admin',
] as const satisfies readonly Role[];

/** An account-wide role. */
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** All role names, for schemas. */
export const ROLE_NAMES = [
  'citizen',
  'business',
  'one-stop',
  'specialist',
  'section-head',
  'agency-head',
  'analyst',
  'manager',
  'admin',
] as const satisfies readonly Role[];

/** Officer role in one agency; the agency is named by its electronic identifier (mã định danh). */
export interface Membership {
  agencyCode: string;
  role: OfficerRole;
}

/** The BPMN candidate group of a membership: `<agencyCode>:<role>`, e.g. `000.00.04.H58:specialist`. */
export function candidateGroup(agencyCode: string, role: OfficerRole): string {
  return `${agencyCode}:${role}`;
}

/** Reads a candidate group back; undefined when the text is not `<agencyCode>:<officer role>`. */
export function parseCandidateGroup(group: string): Membership | undefined {
  const at = group.lastIndexOf(':');
  if (at <= 0) return undefined;
  const role = group.slice(at + 1);
  if (!isOfficerRole(role)) return undefined;
  return { agencyCode: group.slice(0, at), role };
}

/** Type guard for officer roles. */
export function isOfficerRole(value: string): value is OfficerRole {
  return (OFFICER_ROLES as readonly string[]).includes(value);
}
