import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ErrorEnvelope, IdParams, Session, notFound } from '@scribe/domain';
import { getSession, recordAudit } from '@scribe/db';
import { encodingForContentType, type SourceFormat } from '@scribe/audio';
import { enqueueStage } from '@scribe/queue';
import { cancelSession, finishRecording, storeDictationText, storeUpload } from '@scribe/storage';
import { actorOf, requireScope } from '../plugins/auth.ts';
import type { ApiDeps } from '../app.ts';
import { toAppError } from '../ingest-errors.ts';

/** What the recording routes need beyond the API's own deps. */
const AUDIO_TYPES = ['audio/wav', 'audio/wave', 'audio/x-wav', 'audio/webm', 'audio/ogg', 'audio/opus', 'application/octet-stream'];
const DictationText = z.object({ text: z.string().trim().min(1).max(200_000) }).strict();
const tags = ['sessions'];
const accepted = z.object({ session: Session });
const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };
const uploadErrors = { ...errors, 413: ErrorEnvelope, 415: ErrorEnvelope, 422: ErrorEnvelope };

/**
 * Offline recordings, dictation (audio or recognised text), finish and delete. Audio bodies
 * are streamed into encrypted segments (never buffered whole); the pipeline is queued only
 * after the database commit.
 */
export function recordingsRoutes(deps: ApiDeps) {
  const ingest = { store: deps.audio, queues: deps.queues };
  const { config } = deps;
  return async (app: FastifyInstance) => {
    // Audio bodies reach the handler as the raw request stream.
    app.addContentTypeParser(AUDIO_TYPES, (_req, payload, done) => done(null, payload));
    const r = app.withTypeProvider<ZodTypeProvider>();

    const loadSession = async (req: FastifyRequest, id: string) => {
      const session = await getSession(deps.pool, req.principal.orgId, id);
      if (!session) throw notFound('Session');
      return session;
    };
    const queue = (sessionId: string) => enqueueStage(ingest.queues, 'transcribe', { sessionId, run: 0 });
    const reread = async (req: FastifyRequest, id: string) => ({ session: (await getSession(deps.pool, req.principal.orgId, id))! });

    async function upload(req: FastifyRequest, session: Session, action: string) {
      const length = Number(req.headers['content-length'] ?? 0);
      if (length > config.MAX_UPLOAD_BYTES) throw new AppError(413, 'PAYLOAD_TOO_LARGE', `Recording exceeds ${config.MAX_UPLOAD_BYTES} bytes`);
      const declared = encodingForContentType(req.headers['content-type']);
      const encoding = declared ?? session.audioFormat?.encoding ?? 'pcm_s16le';
      const format: SourceFormat = encoding === 'pcm_s16le'
        ? { encoding, sampleRate: session.audioFormat?.sampleRate ?? 16000, channels: session.audioFormat?.channels ?? 1 }
        : { encoding };
      try {
        const facts = await storeUpload(ingest.store, session.id, req.body as Readable, {
          actor: actorOf(req), format, maxBytes: config.MAX_UPLOAD_BYTES, segmentTargetBytes: config.SEGMENT_TARGET_BYTES, action,
        });
        req.log.info({ sessionId: session.id, bytes: facts.bytes, durationSec: facts.durationSec, truncated: facts.truncated }, 'recording stored');
      } catch (err) {
        throw toAppError(err);
      }
      await queue(session.id);
    }

    r.post('/sessions/:id/recording', {
      preHandler: requireScope('sessions:write'),
      bodyLimit: config.MAX_UPLOAD_BYTES,
      schema: {
        operationId: 'uploadRecording', tags, summary: 'Upload a whole recording captured offline',
        description: 'Body: the recording, `Content-Type: audio/wav`, `audio/webm`, `audio/ogg` or `application/octet-stream` '
          + '(raw audio in the session\'s encoding). Stored encrypted like streamed audio; starts the pipeline. '
          + 'Bad audio -> 422 (INVALID_AUDIO, AUDIO_FORMAT_MISMATCH, EMPTY_AUDIO, UNDECODABLE_AUDIO).',
        params: IdParams, response: { 202: accepted, ...uploadErrors },
      },
    }, async (req, reply) => {
      const session = await loadSession(req, req.params.id);
      await upload(req, session, 'audio.upload');
      return reply.code(202).send(await reread(req, session.id));
    });

    r.post('/sessions/:id/dictation', {
      preHandler: requireScope('sessions:write'),
      bodyLimit: config.MAX_UPLOAD_BYTES,
      schema: {
        operationId: 'submitDictation', tags, summary: 'Submit dictation: audio, or text already recognised on the device',
        description: 'Body: dictation audio (as for /recording), or `application/json { "text": "..." }`. '
          + 'Text is stored encrypted as the transcript source and skips speech recognition. Dictation-mode sessions only.',
        params: IdParams, response: { 202: accepted, ...uploadErrors },
      },
    }, async (req, reply) => {
      const session = await loadSession(req, req.params.id);
      if (session.mode !== 'dictation') throw new AppError(409, 'WRONG_MODE', 'Dictation is for sessions created with mode "dictation"');
      if (isStream(req.body)) {
        await upload(req, session, 'dictation.upload');
      } else {
        const parsed = DictationText.safeParse(req.body);
        if (!parsed.success) {
          throw new AppError(400, 'VALIDATION_FAILED', 'Request body is invalid', parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })));
        }
        try {
          await storeDictationText(ingest.store, session.id, parsed.data.text, actorOf(req));
        } catch (err) {
          throw toAppError(err);
        }
        await queue(session.id);
      }
      return reply.code(202).send(await reread(req, session.id));
    });

    r.post('/sessions/:id/finish', {
      preHandler: requireScope('sessions:write'),
      schema: {
        operationId: 'finishSession', tags, summary: 'End a streamed session whose socket is gone (idempotent)',
        params: IdParams, response: { 202: accepted, ...errors },
      },
    }, async (req, reply) => {
      const session = await loadSession(req, req.params.id);
      const actor = actorOf(req);
      let result;
      try {
        result = await finishRecording(ingest.store, session.id, { actor });
      } catch (err) {
        throw toAppError(err);
      }
      if (result.measureError) req.log.warn({ sessionId: session.id, code: result.measureError }, 'recorded audio could not be measured');
      await recordAudit(deps.pool, { ...actor, action: 'session.finish', resourceType: 'session', resourceId: session.id });
      if (result.enqueue) await queue(session.id);
      return reply.code(202).send(await reread(req, session.id));
    });

    r.delete('/sessions/:id', {
      preHandler: requireScope('sessions:write'),
      schema: {
        operationId: 'deleteSession', tags, summary: 'Cancel a session and destroy its audio (crypto-shredding)',
        params: IdParams, response: { 204: z.null().describe('Cancelled; the audio data key is destroyed'), ...errors },
      },
    }, async (req, reply) => {
      const session = await loadSession(req, req.params.id);
      const { purged } = await cancelSession(ingest.store, session.id, actorOf(req));
      req.log.info({ sessionId: session.id, objectsPurged: purged }, 'session cancelled');
      return reply.code(204).send(null);
    });
  };
}

const isStream = (body: unknown): body is Readable => !!body && typeof (body as Readable).pipe === 'function';
