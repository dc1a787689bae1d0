import { AppError } from '@scribe/domain';
import { AudioError } from '@scribe/audio';
import { StorageError, UploadTooLargeError } from '@scribe/storage';

/**
 * Map ingest failures to the API's error envelope: bad audio -> 422 with the audio code,
 * too large -> 413, a session not open for audio -> 409. Messages name the problem, never
 * the content.
 */
export function toAppError(err: unknown): unknown {
  if (err instanceof AudioError) {
    if (err.code === 'FFMPEG_UNAVAILABLE') return new AppError(503, 'AUDIO_TOOLS_UNAVAILABLE', 'Audio decoding is not available on this server');
    return new AppError(422, err.code, err.message);
  }
  if (err instanceof UploadTooLargeError) return new AppError(413, 'PAYLOAD_TOO_LARGE', `Recording exceeds ${err.limit} bytes`);
  if (err instanceof StorageError) {
    switch (err.code) {
      case 'SESSION_NOT_OPEN':
      case 'STREAM_SUPERSEDED':
      case 'AUDIO_SHREDDED':
        return new AppError(409, 'SESSION_NOT_OPEN', `Session is not open for audio: ${err.message}`);
      case 'NO_AUDIO':
        return new AppError(409, 'NO_AUDIO', 'Session has no audio to finish');
      default:
        return err;
    }
  }
  return err;
}
