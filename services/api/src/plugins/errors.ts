import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '@scribe/domain';

interface Envelope {
  error: { code: string; message: string; requestId: string; details?: unknown };
}

const envelope = (code: string, message: string, requestId: string, details?: unknown): Envelope => ({
  error: { code, message, requestId, ...(details === undefined ? {} : { details }) },
});

/** fastify's own 4xx errors, mapped to stable codes and messages that never echo the body. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type is not supported by this endpoint' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Request body is too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_BODY', message: 'Request body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'MALFORMED_BODY', message: 'Content-Length does not match the body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'Request body is not valid JSON' },
};

/**
 * One error envelope for every failure: `{ error: { code, message, requestId } }`.
 * Messages are fixed strings or name fields; they never carry request content (PHI).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.statusCode).send(envelope(err.code, err.message, req.id, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => ({
        path: `${where}${v.instancePath.replace(/\//g, '.')}`.replace(/\.$/, ''),
        message: v.message,
      }));
      return reply.code(400).send(envelope('VALIDATION_FAILED', `Request ${where} is invalid`, req.id, details));
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.code(known.status).send(envelope(known.code, known.message, req.id));
    // JSON syntax errors come from secure-json-parse with a 400 and a message that quotes the body.
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
      return reply.code(400).send(envelope('MALFORMED_JSON', 'Request body is not valid JSON', req.id));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(envelope('BAD_REQUEST', 'The request could not be processed', req.id));
    }
    // Unexpected: log the error's type and frames, not its message (a driver message can quote data).
    req.log.error({ errType: err.name, errCode: err.code, stack: err.stack?.split('\n').slice(1, 8).join('\n') }, 'unhandled error');
    return reply.code(500).send(envelope('INTERNAL', 'Internal error', req.id));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(envelope('NOT_FOUND', 'Route not found', req.id));
  });
}
