/**
 * Why audio was refused. Codes are stable (callers map them to HTTP 422 or a close code);
 * messages describe the problem without quoting any audio.
 */
export type AudioErrorCode =
  | 'INVALID_AUDIO'
  | 'AUDIO_FORMAT_MISMATCH'
  | 'EMPTY_AUDIO'
  | 'UNDECODABLE_AUDIO'
  | 'FFMPEG_UNAVAILABLE';

export class AudioError extends Error {
  constructor(
    readonly code: AudioErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AudioError';
  }
}
