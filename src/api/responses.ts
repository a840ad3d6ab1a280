import type { z } from 'zod';
import { ErrorSchema } from './schemas.ts';

// Responses in the content form, so each status gets a description in the OpenAPI document.
export const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

const ERRORS = {
  400: json('Invalid input: `fields` names each field at fault (such as variants.0.price.amount) and nothing was written', ErrorSchema),
  401: json('No API key, or a key that is not valid or revoked (with WWW-Authenticate: Bearer)', ErrorSchema),
  403: json('The API key lacks the scope this operation needs', ErrorSchema),
  404: json('No such item', ErrorSchema),
  413: json('The upload is larger than the limit (MAX_UPLOAD_MB)', ErrorSchema),
  415: json('The upload is not an image we can read, or not multipart/form-data', ErrorSchema),
};
type ErrorStatus = keyof typeof ERRORS;

/** The documented error answers of an operation; 401 and 403 are always possible. */
export function errors<S extends ErrorStatus>(...statuses: S[]): Pick<typeof ERRORS, S | 401 | 403> {
  const all = [...new Set<ErrorStatus>([...statuses, 401, 403])].sort();
  return Object.fromEntries(all.map((s) => [s, ERRORS[s]])) as Pick<typeof ERRORS, S | 401 | 403>;
}
