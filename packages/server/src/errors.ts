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
    readonly details: { rows?: RowProblem[]; problems?: unknown[] } = {},
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
  internal: 'Lỗi hệ thống',
};
