// Expected failures carry a code, a message a person can act on, and the fields at fault.
// The HTTP edge maps codes to status codes; anything else is a bug and becomes a 500.
export type FieldIssue = { field: string; message: string };

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA'
  | 'RATE_LIMITED';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  RATE_LIMITED: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
  toJSON(): { error: { code: string; message: string; fields?: FieldIssue[]; [extra: string]: unknown } } {
    return { error: { code: this.code, message: this.message, ...(this.fields.length ? { fields: this.fields } : {}) } };
  }
}

export const invalid = (fields: FieldIssue[], message = fields.map((f) => `${f.field}: ${f.message}`).join('; ')) =>
  new AppError('VALIDATION_FAILED', message, fields);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found`);
export const duplicate = (field: string, message: string) => new AppError('DUPLICATE', message, [{ field, message }]);
