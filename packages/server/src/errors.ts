/**
 * The one error catalog. Services throw `AppError` with a stable code and a Vietnamese
 * message; the HTTP layer alone maps codes to statuses (http/error-handler.ts).
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'not_found'
  | 'unit_not_found'
  | 'criteria_set_not_found'
  | 'criteria_set_incomplete'
  | 'no_criteria_set'
  | 'unit_not_evaluable'
  | 'conflict'
  | 'forbidden'
  | 'file_too_large'
  | 'file_not_xlsx'
  | 'file_encrypted'
  | 'file_unsafe'
  | 'template_invalid'
  | 'invalid_geojson'
  | 'unknown_unit_codes'
  | 'unauthenticated'
  | 'login_failed'
  | 'account_locked'
  | 'rate_limited'
  | 'csrf_failed'
  | 'stale_version'
  | 'invalid_transition'
  | 'reason_required'
  | 'unknown_target_metric'
  | 'unit_outside_registration'
  | 'deadline_before_directive'
  | 'internal';

/** One problem in a bulk request, pointing at the offending row. */
export interface RowProblem {
  row: number;
  field: string;
  value: unknown;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** `current`: what is stored now, sent back with a stale-version conflict so nothing is overwritten blindly. */
    readonly details: { rows?: RowProblem[]; problems?: unknown[]; current?: unknown[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errorStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  not_found: 404,
  unit_not_found: 404,
  criteria_set_not_found: 404,
  criteria_set_incomplete: 422,
  no_criteria_set: 422,
  unit_not_evaluable: 422,
  conflict: 409,
  forbidden: 403,
  file_too_large: 413,
  file_not_xlsx: 415,
  file_encrypted: 422,
  file_unsafe: 422,
  template_invalid: 422,
  invalid_geojson: 422,
  unknown_unit_codes: 422,
  unauthenticated: 401,
  login_failed: 401,
  account_locked: 423,
  rate_limited: 429,
  csrf_failed: 403,
  stale_version: 409,
  invalid_transition: 409,
  reason_required: 422,
  unknown_target_metric: 422,
  unit_outside_registration: 422,
  deadline_before_directive: 422,
  internal: 500,
};

export const errorTitles: Record<ErrorCode, string> = {
  bad_request: 'Yêu cầu không hợp lệ',
  validation_failed: 'Dữ liệu không hợp lệ',
  not_found: 'Không tìm thấy',
  unit_not_found: 'Không tìm thấy đơn vị hành chính',
  criteria_set_not_found: 'Không tìm thấy bộ tiêu chí',
  criteria_set_incomplete: 'Bộ tiêu chí chưa đủ dữ liệu để đánh giá',
  no_criteria_set: 'Không có bộ tiêu chí áp dụng',
  unit_not_evaluable: 'Đơn vị không thuộc diện đánh giá',
  conflict: 'Xung đột dữ liệu',
  forbidden: 'Không có quyền',
  file_too_large: 'Tệp quá lớn',
  file_not_xlsx: 'Tệp không phải là bảng tính Excel (.xlsx)',
  file_encrypted: 'Tệp Excel đang được đặt mật khẩu',
  file_unsafe: 'Tệp Excel có cấu trúc bất thường',
  template_invalid: 'Tệp không đúng biểu mẫu',
  invalid_geojson: 'Tệp ranh giới GeoJSON không hợp lệ',
  unknown_unit_codes: 'Có mã đơn vị không khớp',
  unauthenticated: 'Chưa đăng nhập',
  login_failed: 'Đăng nhập không thành công',
  account_locked: 'Tài khoản tạm khóa',
  rate_limited: 'Quá nhiều yêu cầu',
  csrf_failed: 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo)',
  stale_version: 'Dữ liệu đã được người khác thay đổi',
  invalid_transition: 'Không thể chuyển trạng thái',
  reason_required: 'Cần ghi lý do',
  unknown_target_metric: 'Loại mục tiêu không tồn tại',
  unit_outside_registration: 'Đơn vị nằm ngoài địa bàn đăng ký',
  deadline_before_directive: 'Thời hạn trước ngày ban hành chỉ thị',
  internal: 'Lỗi hệ thống',
};
