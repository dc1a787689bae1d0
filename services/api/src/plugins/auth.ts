import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type Scope } from '@scribe/domain';
import type { ApiKeyPrincipal } from '@scribe/db';
import type { ApiKeyAuthenticator } from './api-key-cache.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: ApiKeyPrincipal;
    /** The EMR's clinician id from `X-Clinician-Id`, when sent. */
    clinicianRef: string | null;
  }
}

const CLINICIAN_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

/**
 * API-key auth as an onRequest hook. Register inside the `/v1` scope only, so health
 * and docs stay public. Missing or bad key -> 401; the scope check is per route. Keys are
 * resolved by `authenticate` (see api-key-cache.ts for how long a verified key is trusted).
 */
export function registerAuth(app: FastifyInstance, authenticate: ApiKeyAuthenticator): void {
  app.decorateRequest('principal', null as unknown as ApiKeyPrincipal);
  app.decorateRequest('clinicianRef', null);
  // Callback style: a cached key is resolved at once, with no promise per request.
  app.addHook('onRequest', (req, _reply, done) => {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!m) return done(new AppError(401, 'UNAUTHORIZED', 'Missing or malformed Authorization: Bearer <api key>'));
    const found = authenticate(m[1]!);
    if (found instanceof Promise) found.then((principal) => done(admit(req, principal)), done);
    else done(admit(req, found));
  });
}

/** Sets the request's principal and clinician, or returns the error to answer with. */
function admit(req: FastifyRequest, principal: ApiKeyPrincipal | null): AppError | undefined {
  if (!principal) return new AppError(401, 'UNAUTHORIZED', 'API key is not valid');
  req.principal = principal;
  const clinician = req.headers['x-clinician-id'];
  if (clinician === undefined) return undefined;
  if (typeof clinician !== 'string' || !CLINICIAN_ID.test(clinician)) {
    return new AppError(400, 'INVALID_CLINICIAN_ID', 'X-Clinician-Id must be 1-200 characters of [A-Za-z0-9._:@-]');
  }
  req.clinicianRef = clinician;
  return undefined;
}

/** `admin` holds every scope. */
export const hasScope = (p: ApiKeyPrincipal, scope: Scope) => p.scopes.includes(scope) || p.scopes.includes('admin');

/** A preValidation or preHandler hook that answers 403 unless the key has `scope` (callback style: no promise per request). */
export const requireScope = (scope: Scope) => (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
  done(hasScope(req.principal, scope) ? undefined : new AppError(403, 'FORBIDDEN', `API key lacks the ${scope} scope`));
};

/** The acting clinician, required for edits and sign-off. */
export function requireClinician(req: FastifyRequest): string {
  if (!req.clinicianRef) throw new AppError(400, 'CLINICIAN_REQUIRED', 'X-Clinician-Id header is required for this action');
  return req.clinicianRef;
}

/** The audit actor for a request. */
export const actorOf = (req: FastifyRequest) => ({
  orgId: req.principal.orgId,
  actorKeyId: req.principal.keyId,
  actor: `key:${req.principal.keyId}`,
  clinicianRef: req.clinicianRef,
  requestId: req.id,
});
