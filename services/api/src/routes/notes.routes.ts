import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelope, IdParams, ListNotesQuery, NoteRevision, NoteView, PatchNoteBody, notFound, type NoteView as NoteViewT } from '@scribe/domain';
import { createAuditedNoteReader, createAuditWriter, getNote, getNoteWithHistory, getSession, listNotes, listRevisions, recordAuditMany, type NoteWithHistory } from '@scribe/db';
import { emitEvent } from '@scribe/queue';
import { actorOf, requireClinician, requireScope } from '../plugins/auth.ts';
import type { ApiDeps } from '../app.ts';
import { etagOf, parseIfMatch } from '../notes/if-match.ts';
import { noteView, toNoteView, toNoteViews } from '../notes/note-views.ts';
import { createNoteBodyCache } from '../notes/note-body-cache.ts';
import { editNote, signNote, type Actor } from '../notes/review-service.ts';
import { buildNoteBundle } from '../fhir/note-bundle.ts';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const tags = ['notes'];
const NoteResponse = z.object({ note: NoteView });
/** Documented here so they show in OpenAPI; checked in preValidation (428/400 with stable codes). */
const ReviewHeaders = z.looseObject({
  'if-match': z.string().optional().describe('The note version the edit is based on (the ETag of the last read), e.g. 3'),
  'x-clinician-id': z.string().optional().describe("The EMR's id of the clinician making the change"),
});
const FhirBundle = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('document'),
  identifier: z.object({ system: z.string(), value: z.string() }),
  timestamp: z.string(),
  entry: z.array(z.looseObject({ fullUrl: z.string(), resource: z.looseObject({ resourceType: z.string(), id: z.string() }) })),
});

/** The acting clinician, required (400 CLINICIAN_REQUIRED) before the body is even validated. */
const clinicianRequired = async (req: FastifyRequest) => void requireClinician(req);
const actor = (req: FastifyRequest): Actor => ({ ...actorOf(req), clinicianRef: requireClinician(req) });
/** Response bodies of single-note reads kept per api process (about 2-10 KB each). */
const NOTE_BODY_CACHE_SIZE = 2000;
const withEtag = (reply: FastifyReply, note: NoteViewT) => reply.header('etag', etagOf(note.version)).send({ note });

/** Notes: read, list, edit with If-Match, revisions, sign-off, FHIR export. Every access is audited. */
export function notesRoutes(deps: Pick<ApiDeps, 'pool' | 'webhooks'>) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const auditWriter = createAuditWriter(deps.pool);
    const audit = (req: FastifyRequest, action: string, resourceId: string) =>
      auditWriter.record({ ...actorOf(req), action, resourceType: 'note', resourceId });
    /** A read answers only once its audit row is committed. */
    const readNote = async (req: FastifyRequest, reply: FastifyReply, found: NoteWithHistory | null) => {
      if (!found) throw notFound('Note');
      await audit(req, 'note.read', found.note.id);
      return withEtag(reply, noteView(found.note, found.history));
    };

    // GET /notes/:id, the integrators' hot path: concurrent reads share one statement that reads
    // the notes and writes their audit rows (one commit per batch; each request still answers
    // only after its own row is committed). A note unchanged since this process last sent it
    // (same version tag, checked in that statement) is answered with the body serialised then.
    const reads = createAuditedNoteReader(deps.pool);
    const bodies = createNoteBodyCache(NOTE_BODY_CACHE_SIZE);
    const serializeNote = serializerCompiler({ schema: NoteResponse, method: 'GET', url: '/v1/notes/:id' }) as (data: unknown) => string;
    r.get('/notes/:id', {
      preValidation: requireScope('notes:read'),
      schema: { operationId: 'getNote', tags, summary: 'Get a note with its review telemetry', params: IdParams, response: { 200: NoteResponse, ...errors } },
    }, async (req, reply) => {
      const { orgId } = req.principal;
      const held = bodies.get(orgId, req.params.id);
      const read = await reads.read({ orgId, id: req.params.id, actor: actorOf(req), known: held?.tag });
      if (!read) {
        bodies.delete(orgId, req.params.id);
        throw notFound('Note');
      }
      // `found` is null only when the tag asked about (held's) is current.
      let body = held!;
      if (read.found) {
        const note = noteView(read.found.note, read.found.history);
        body = { tag: read.tag, version: note.version, json: serializeNote({ note }) };
        bodies.set(orgId, req.params.id, body);
      }
      // A JSON string with its content type is sent as it is (the response schema already ran on it).
      return (reply as FastifyReply).header('etag', etagOf(body.version)).type('application/json; charset=utf-8').send(body.json);
    });

    r.get('/sessions/:id/note', {
      preValidation: requireScope('notes:read'),
      schema: { operationId: 'getSessionNote', tags, summary: "A session's note (404 until drafted)", params: IdParams, response: { 200: NoteResponse, ...errors } },
    }, async (req, reply) => readNote(req, reply, await getNoteWithHistory(deps.pool, req.principal.orgId, { sessionId: req.params.id })));

    r.get('/notes', {
      preValidation: requireScope('notes:read'),
      schema: {
        operationId: 'listNotes', tags, summary: 'List notes, newest first, by status and clinician, with cursor paging',
        querystring: ListNotesQuery, response: { 200: z.object({ notes: z.array(NoteView), nextCursor: z.string().nullable() }), ...errors },
      },
    }, async (req) => {
      const page = await listNotes(deps.pool, req.principal.orgId, req.query);
      await recordAuditMany(deps.pool, { ...actorOf(req), action: 'note.read', resourceType: 'note' }, page.notes.map((n) => n.id));
      return { notes: await toNoteViews(deps.pool, page.notes), nextCursor: page.nextCursor };
    });

    r.patch('/notes/:id', {
      preValidation: [requireScope('notes:write'), clinicianRequired, async (req) => void parseIfMatch(req.headers['if-match'], true)],
      schema: {
        operationId: 'editNote', tags, summary: 'Edit a draft: change, add or delete statements, replace coding lines (If-Match: version)',
        params: IdParams, headers: ReviewHeaders, body: PatchNoteBody,
        response: { 200: NoteResponse, 409: ErrorEnvelope, 412: ErrorEnvelope, 422: ErrorEnvelope, 428: ErrorEnvelope, ...errors },
      },
    }, async (req, reply) => {
      const ifMatch = parseIfMatch(req.headers['if-match'], true)!;
      const { note } = await editNote(deps.pool, actor(req), req.params.id, ifMatch, req.body);
      return withEtag(reply, await toNoteView(deps.pool, note));
    });

    r.get('/notes/:id/revisions', {
      preValidation: requireScope('notes:read'),
      schema: {
        operationId: 'listNoteRevisions', tags, summary: 'Every revision of a note, oldest first: who, when, what changed',
        params: IdParams, response: { 200: z.object({ revisions: z.array(NoteRevision) }), ...errors },
      },
    }, async (req) => {
      const note = await getNote(deps.pool, req.principal.orgId, { id: req.params.id });
      if (!note) throw notFound('Note');
      await audit(req, 'note.read_revisions', note.id);
      return { revisions: await listRevisions(deps.pool, note.id) };
    });

    r.post('/notes/:id/sign', {
      preValidation: [requireScope('notes:sign'), clinicianRequired, async (req) => void parseIfMatch(req.headers['if-match'], false)],
      schema: {
        operationId: 'signNote', tags, summary: 'Sign a draft (the clinician named in X-Clinician-Id); optional If-Match',
        params: IdParams, headers: ReviewHeaders,
        response: { 200: NoteResponse, 409: ErrorEnvelope, 412: ErrorEnvelope, ...errors },
      },
    }, async (req, reply) => {
      const signed = await signNote(deps.pool, actor(req), req.params.id, parseIfMatch(req.headers['if-match'], false));
      try {
        // Deliveries were recorded with the signature; this queues them (idempotent per event id).
        await emitEvent({ pool: deps.pool, webhooks: deps.webhooks }, req.principal.orgId, 'note.signed', signed.id, { sessionId: signed.sessionId, noteId: signed.id });
      } catch (err) {
        // The signature is committed: answer 200. The delivery rows stay pending for a re-queue.
        req.log.warn({ noteId: signed.id, errType: (err as Error).name }, 'note.signed webhooks not queued');
      }
      return withEtag(reply, await toNoteView(deps.pool, signed));
    });

    r.get('/notes/:id/fhir', {
      preValidation: requireScope('notes:read'),
      schema: {
        operationId: 'exportNoteFhir', tags, summary: 'The note as a FHIR R4 document Bundle (Composition, DocumentReference, Provenance)',
        params: IdParams, response: { 200: FhirBundle, ...errors },
      },
    }, async (req, reply) => {
      const orgId = req.principal.orgId;
      const note = await getNote(deps.pool, orgId, { id: req.params.id });
      const session = note && (await getSession(deps.pool, orgId, note.sessionId));
      if (!note || !session) throw notFound('Note');
      await audit(req, 'note.export', note.id);
      return reply.type('application/fhir+json').header('etag', etagOf(note.version)).send(buildNoteBundle(note, session));
    });
  };
}
