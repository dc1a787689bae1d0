import { z } from 'zod';
import { AudioEncoding, type Speaker } from '@scribe/domain';

/** Client -> server control messages (text frames). Audio travels in binary frames. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    encoding: AudioEncoding.optional(),
    sampleRate: z.number().int().min(8000).max(192000).optional(),
    channels: z.number().int().min(1).max(8).optional(),
  }),
  z.object({ type: z.literal('end') }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/**
 * A live transcript line (API.md): `final: false` is a preview of the words being spoken,
 * replaced by the next preview or final of the same stretch; `final: true` is settled.
 * Times are seconds on the session's audio clock.
 */
export type TranscriptMessage = { type: 'transcript'; final: boolean; speaker: Speaker; text: string; start: number; end: number };

/** Server -> client messages. */
export type ServerMessage =
  | { type: 'ready'; sessionId: string; lastSeq: number }
  | TranscriptMessage
  | { type: 'ack'; seq: number }
  | { type: 'pong' }
  | { type: 'ended'; sessionId: string; durationSec: number; bytes: number }
  | { type: 'error'; code: string; message: string };

/**
 * Close codes (API.md): 4400 bad message or sequence gap, 4401 unauthorised, 4409 session
 * not open for audio, 4413 frame or session too large, 1011 internal error. Added here:
 * 4408 idle timeout, 1001 server shutting down, 1000 after `ended`.
 */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  internal: 1011,
  badMessage: 4400,
  unauthorised: 4401,
  idle: 4408,
  notOpen: 4409,
  tooLarge: 4413,
} as const;

/** Bytes of the big-endian sequence number that starts every binary frame. */
export const SEQ_BYTES = 4;
