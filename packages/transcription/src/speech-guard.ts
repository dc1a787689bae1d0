import { detectSpeechInPcm, speechSeconds, type SpeechRegion } from './speech-activity.ts';
import { readWav, type PcmAudio } from './wav.ts';

/** Less speech than this in a whole recording is treated as none. */
const MIN_SPEECH_SEC = 0.3;

export interface GuardedAudio {
  audio: PcmAudio;
  regions: SpeechRegion[];
  /** False when the recording holds no usable speech: the adapter returns no utterances. */
  hasSpeech: boolean;
}

/**
 * Check a recording before any engine sees it: a malformed WAV is an `unrecoverable`
 * BAD_AUDIO error, and a recording of silence or steady noise is reported as having no
 * speech, so adapters return an empty transcript instead of paying an engine to invent one
 * (Whisper-style models are known to produce text for silence).
 */
export function guardSpeech(wav: Buffer): GuardedAudio {
  const audio = readWav(wav);
  const regions = detectSpeechInPcm(audio);
  return { audio, regions, hasSpeech: speechSeconds(regions) >= MIN_SPEECH_SEC };
}
