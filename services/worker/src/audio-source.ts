import { AudioError, toWav16kMono } from '@scribe/audio';
import { AudioStore, StorageError } from '@scribe/storage';
import { PipelineError } from './failure.ts';
import type { SessionAudioSource } from './ports.ts';

/** Storage failures that no retry can fix: the audio is gone, tampered with or never arrived. */
const PERMANENT = new Set(['AUDIO_SHREDDED', 'AUDIO_TAMPERED', 'AUDIO_MISSING', 'NO_AUDIO', 'BLOB_NOT_FOUND']);

/**
 * The transcribe stage's input from the encrypted audio store: dictated text as is, audio
 * decrypted (every tag and hash verified) and converted to 16 kHz mono WAV by ffmpeg.
 */
export function storeAudioSource(store: AudioStore): SessionAudioSource {
  return {
    async load(session) {
      try {
        const info = await store.audioInfo(session.id);
        if (!info) throw new PipelineError('AUDIO_MISSING', 'The session has no audio or dictation');
        if (info.source === 'text') {
          const text = await store.readDictationText(session.id);
          if (text === null) throw new PipelineError('AUDIO_MISSING', 'The dictation text is missing');
          return { kind: 'text', text };
        }
        if (!info.format) throw new PipelineError('AUDIO_MISSING', 'The session audio has no recorded format');
        return { kind: 'audio', wav: await toWav16kMono(await store.readSessionAudio(session.id), info.format) };
      } catch (err) {
        if (err instanceof StorageError && PERMANENT.has(err.code)) throw new PipelineError(err.code, err.message);
        if (err instanceof AudioError && err.code !== 'FFMPEG_UNAVAILABLE') throw new PipelineError(err.code, err.message);
        throw err;
      }
    },
  };
}
