import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MISSING_VI, validationMessage } from './validation-messages.js';

/** An error a client can act on: Vietnamese message, English message and a stable English code. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly field?: string,
    /** Every problem when there are several (a form shows them all at once). */
    readonly details?: { field: string; message: string; messageEn: string }[],
  ) {
    super(message);
  }
}

export const errors = {
  notFound: (what = 'Bản ghi', whatEn = 'Record') =>
    new AppError(404, 'NOT_FOUND', `${what} không tồn tại hoặc nằm ngoài phạm vi quản lý của bạn.`, `${whatEn} not found.`),
  unauthenticated: () => new AppError(401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.', 'Authentication required.'),
  forbidden: () => new AppError(403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'),
  staleVersion: () =>
    new AppError(409, 'VERSION_CONFLICT', 'Dữ liệu đã được người khác cập nhật. Hãy tải lại rồi sửa lại.', 'The record was changed by someone else; reload and try again.', 'version'),
  invalid: (field: string, message: string, messageEn: string) => new AppError(400, 'VALIDATION', message, messageEn, field),
  /** Several field problems found by a domain rule; the first one leads. */
  problems: (list: { field: string; message: string; messageEn: string }[]) =>
    new AppError(400, 'VALIDATION', list[0].message, list[0].messageEn, list[0].field, list),
  badOrigin: () => new AppError(403, 'BAD_ORIGIN', 'Yêu cầu đến từ một trang web khác nên bị từ chối.', 'Request from another site (Origin mismatch) refused.'),
  csrf: () => new AppError(403, 'CSRF', 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang.', 'Missing or wrong CSRF token.'),
};

const enLocale = z.locales.en();

function fieldOf(instancePath: string): string | undefined {
  const p = instancePath.replace(/^\//, '').replace(/\//g, '.');
  return p || undefined;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A unique-index violation from either engine, with the column turned into the API's field name. */
export function uniqueViolation(err: unknown): { field?: string } | null {
  const e = err as { code?: string; message?: string; detail?: string };
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const column = /UNIQUE constraint failed: \w+\.(\w+)/.exec(e.message ?? '')?.[1];
    return { field: column ? camel(column) : undefined };
  }
  if (e?.code === '23505') {
    const column = /^Key \((\w+)\)/.exec(e.detail ?? '')?.[1];
    return { field: column ? camel(column) : undefined };
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      const existingId = (err as { existingId?: number }).existingId;
      return reply.status(err.status).send({ error: { code: err.code, message: err.message, messageEn: err.messageEn, field: err.field, details: err.details, existingId } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const field = fieldOf(first.instancePath);
      const issue = { code: first.keyword, ...first.params, path: first.instancePath.split('/').filter(Boolean) } as Record<string, unknown>;
      let en: string;
      if (first.message === MISSING_VI) en = 'required value missing.';
      else {
        try {
          en = validationMessage(issue, 'en') ?? (() => {
            const r = (enLocale.localeError as any)(issue);
            return typeof r === 'string' ? r : r?.message ?? first.message;
          })();
        } catch {
          en = first.message ?? 'invalid value.';
        }
      }
      return reply.status(400).send({
        error: {
          code: 'VALIDATION',
          message: field ? `Trường "${field}": ${first.message}` : `Dữ liệu gửi lên không hợp lệ: ${first.message}`,
          messageEn: field ? `Field "${field}": ${en}` : `Invalid request: ${en}`,
          field,
        },
      });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.status(400).send({ error: { code: 'BAD_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ.', messageEn: 'The request body is not valid JSON.' } });
    }
    if (err.statusCode === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'TOO_LARGE', message: 'Tệp hoặc dữ liệu gửi lên quá lớn.', messageEn: 'Payload too large.' } });
    }
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
      return reply.status(err.statusCode ?? 400).send({
        error: { code: err.code ?? 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ: ' + err.message, messageEn: err.message },
      });
    }
    const unique = uniqueViolation(err);
    if (unique) {
      // Two writers raced past the application's own check (two offices entering the same CCCD at once).
      return reply.status(409).send({
        error: { code: 'DUPLICATE', message: 'Giá trị này vừa được ghi bởi một thao tác khác (trùng dữ liệu). Hãy tải lại rồi kiểm tra.', messageEn: 'This value was just recorded by another request; reload and check.', field: unique.field },
      });
    }
    req.log.error(err);
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Lỗi hệ thống. Vui lòng thử lại sau.', messageEn: 'Internal error.' } });
  });
}
