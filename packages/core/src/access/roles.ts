import { z } from 'zod';

/** The signed-in roles of PRODUCT §2; the public has no account and no role. */
export const Role = z.enum(['province_admin', 'leader', 'department', 'district', 'commune']);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  province_admin: 'Quản trị tỉnh (Văn phòng Điều phối NTM)',
  leader: 'Lãnh đạo UBND tỉnh',
  department: 'Sở, ban, ngành',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};

/** Who a signed-in user is, as far as the rules care: a role and what it is attached to. */
export interface Principal {
  username: string;
  role: Role;
  /** The district or commune a district or commune user belongs to. */
  unitId: string | null;
  /** The department a department user works for. */
  departmentCode: string | null;
}

/** Which unit level a role's account is attached to, if any. */
export const roleUnitLevel: Record<Role, 'district' | 'commune' | null> = {
  province_admin: null,
  leader: null,
  department: null,
  district: 'district',
  commune: 'commune',
};

/** Roles that read every unit; the others read their own area only. */
export function readsEverything(role: Role): boolean {
  return role === 'province_admin' || role === 'leader' || role === 'department';
}

/** What a role may do beyond reading; the scope rules then decide where. */
export const Permission = z.enum([
  'enter_values',
  'review_values',
  'approve_values',
  'raise_obstacles',
  'handle_obstacles',
  'acknowledge_alerts',
  'manage_responsibility',
  'manage_plans',
  'propose_registrations',
  'review_registrations',
  'report_task_progress',
]);
export type Permission = z.infer<typeof Permission>;

export const permissionLabels: Record<Permission, string> = {
  enter_values: 'nhập và gửi số liệu',
  review_values: 'xác minh hoặc trả lại số liệu',
  approve_values: 'phê duyệt số liệu',
  raise_obstacles: 'nêu hoặc trao đổi về vướng mắc',
  handle_obstacles: 'xử lý vướng mắc',
  acknowledge_alerts: 'ghi nhận cảnh báo duy trì tiêu chí',
  manage_responsibility: 'phân công sở, ngành phụ trách tiêu chí',
  manage_plans: 'lập kế hoạch, mục tiêu, chỉ thị và nhiệm vụ',
  propose_registrations: 'đăng ký đơn vị phấn đấu đạt chuẩn',
  review_registrations: 'duyệt đăng ký của các địa phương',
  report_task_progress: 'báo cáo tiến độ nhiệm vụ',
};

const rolePermissions: Record<Role, readonly Permission[]> = {
  province_admin: Permission.options,
  leader: [],
  department: [
    'enter_values',
    'review_values',
    'raise_obstacles',
    'handle_obstacles',
    'acknowledge_alerts',
    'report_task_progress',
  ],
  district: [
    'enter_values',
    'review_values',
    'raise_obstacles',
    'acknowledge_alerts',
    'propose_registrations',
    'report_task_progress',
  ],
  commune: ['enter_values', 'raise_obstacles', 'propose_registrations', 'report_task_progress'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
