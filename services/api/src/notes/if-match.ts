import { AppError } from '@scribe/domain';

/** `3`, `"3"` or `W/"3"`: the note version a client last read (the ETag the API sends). */
const VERSION = /^\s*(?:W\/)?"?([1-9]\d{0,8})"?\s*$/;

/**
 * The version named by `If-Match`. Missing: 428 when required (edits), null when optional
 * (sign-off). `*` or anything else is a 400: an edit must name the version it was based on.
 */
export function parseIfMatch(header: string | string[] | undefined, required: boolean): number | null {
  if (header === undefined || header === '') {
    if (required) throw new AppError(428, 'PRECONDITION_REQUIRED', 'If-Match: <version> is required to edit a note');
    return null;
  }
  const m = typeof header === 'string' ? VERSION.exec(header) : null;
  if (!m) throw new AppError(400, 'INVALID_IF_MATCH', 'If-Match must be the note version you last read, e.g. If-Match: 3');
  return Number(m[1]);
}

/** The ETag for a note version (what If-Match takes back). */
export const etagOf = (version: number) => `"${version}"`;
