import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, errorStatus, errorTitles, type RowProblem } from '../errors';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  rows?: RowProblem[];
  problems?: unknown[];
  current?: unknown[];
}

function problem(code: ErrorCode, detail: string, extra: Partial<ProblemDocument> = {}): ProblemDocument {
  return {
    type: `urn:ntm:error:${code}`,
    title: errorTitles[code],
    status: errorStatus[code],
    code,
    detail,
    ...extra,
  };
}

/** Every error leaves as application/problem+json with a stable code; unknown ones are logged and hidden. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    let body: ProblemDocument;
    if (error instanceof AppError) {
      body = problem(error.code, error.message, {
        ...(error.details.rows ? { rows: error.details.rows } : {}),
        ...(error.details.problems ? { problems: error.details.problems } : {}),
        ...(error.details.current ? { current: error.details.current } : {}),
      });
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const rows: RowProblem[] = error.validation.map((v) => ({
        row: rowIndexOf(v.instancePath),
        field: `${error.validationContext ?? ''}${v.instancePath}`,
        value: undefined,
        message: v.message ?? 'không hợp lệ',
      }));
      body = problem('validation_failed', `Yêu cầu có ${rows.length} trường không hợp lệ.`, { rows });
    } else if ('statusCode' in error && typeof error.statusCode === 'number' && error.statusCode < 500) {
      const code: ErrorCode = error.statusCode === 404 ? 'not_found' : 'bad_request';
      body = problem(code, error.message, { status: error.statusCode });
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = problem(
        'internal',
        'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại hoặc liên hệ quản trị hệ thống.',
      );
    }
    return reply.status(body.status).type('application/problem+json; charset=utf-8').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const body = problem('not_found', `Không có tài nguyên ${request.method} ${request.url}.`);
    return reply.status(404).type('application/problem+json; charset=utf-8').send(body);
  });
}

/** "/values/3/value" → 3, so bulk errors from schema validation still name their row. */
function rowIndexOf(instancePath: string): number {
  const match = /\/(\d+)(?:\/|$)/.exec(instancePath);
  return match?.[1] === undefined ? -1 : Number(match[1]);
}
