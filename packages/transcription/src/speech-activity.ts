import type { PcmAudio } from './wav.ts';

/** A stretch of the recording that holds speech-like sound, in seconds from the start. */
export interface SpeechRegion {
  start: number;
  end: number;
}

export interface SpeechActivityOptions {
  /** Analysis frame length. */
  frameMs?: number;
  /** Frames quieter than this (dBFS) are silence whatever the noise floor. */
  minLevelDb?: number;
  /** A frame is speech when this many dB above the recording's noise floor. */
  marginDb?: number;
  /** Percentile of frame levels taken as the noise floor. */
  floorPercentile?: number;
  /** Speech runs separated by less than this are one region. */
  mergeGapMs?: number;
  /** Regions shorter than this (clicks, taps) are dropped. */
  minSpeechMs?: number;
}

const DEFAULTS: Required<SpeechActivityOptions> = {
  frameMs: 20,
  minLevelDb: -60,
  marginDb: 12,
  floorPercentile: 0.1,
  mergeGapMs: 300,
  minSpeechMs: 150,
};

/**
 * Find speech-like regions with an adaptive energy detector: a frame counts when it is louder
 * than an absolute floor and `marginDb` above the recording's own noise floor (a low
 * percentile of frame levels). Speech rises and falls with syllables and pauses, so it clears
 * that margin; digital silence, hiss, hum and other steady noise do not, because their level
 * is their floor. This is the silence guard: an empty result means "no usable speech", and the
 * transcribers then return no utterances instead of asking an engine to guess. Known limit:
 * loud non-steady sounds (a door, a clatter) can pass; the engines usually return no words
 * for them, and the offline engine keeps only words inside these regions.
 */
export function detectSpeech(samples: ArrayLike<number>, sampleRate: number, options: SpeechActivityOptions = {}): SpeechRegion[] {
  return detect(samples.length, (i) => samples[i]!, sampleRate, options);
}

/**
 * detectSpeech over 16-bit PCM as read from a WAV (channels averaged), without copying the
 * samples: a four-hour session is 460 MB of PCM, and a float copy would double it.
 */
export function detectSpeechInPcm(audio: PcmAudio, options: SpeechActivityOptions = {}): SpeechRegion[] {
  const { data, channels } = audio;
  const at =
    channels === 1
      ? (i: number) => data.readInt16LE(i * 2)
      : (i: number) => {
          let sum = 0;
          for (let c = 0; c < channels; c++) sum += data.readInt16LE((i * channels + c) * 2);
          return sum / channels;
        };
  return detect(audio.frames, at, audio.sampleRate, options);
}

function detect(length: number, sampleAt: (i: number) => number, sampleRate: number, options: SpeechActivityOptions): SpeechRegion[] {
  const o = { ...DEFAULTS, ...options };
  const frameLen = Math.max(1, Math.round((sampleRate * o.frameMs) / 1000));
  const frameCount = Math.floor(length / frameLen);
  if (frameCount === 0) return [];
  const levels = new Float64Array(frameCount);
  for (let f = 0; f < frameCount; f++) {
    let sum = 0;
    for (let k = f * frameLen; k < (f + 1) * frameLen; k++) {
      const x = sampleAt(k);
      sum += x * x;
    }
    const rms = Math.sqrt(sum / frameLen);
    levels[f] = rms > 0 ? 20 * Math.log10(rms / 32768) : -200;
  }
  const sorted = Float64Array.from(levels).sort();
  const floor = sorted[Math.min(frameCount - 1, Math.floor(o.floorPercentile * frameCount))]!;
  const threshold = Math.max(o.minLevelDb, floor + o.marginDb);

  const frameSec = frameLen / sampleRate;
  const runs: SpeechRegion[] = [];
  for (let f = 0; f < frameCount; f++) {
    if (levels[f]! <= threshold) continue;
    const start = f * frameSec;
    const last = runs[runs.length - 1];
    if (last && start - last.end < o.mergeGapMs / 1000) last.end = start + frameSec;
    else runs.push({ start, end: start + frameSec });
  }
  return runs
    .filter((r) => r.end - r.start >= o.minSpeechMs / 1000)
    .map((r) => ({ start: round2(r.start), end: round2(r.end) }));
}

/** Total seconds covered by the regions. */
export function speechSeconds(regions: SpeechRegion[]): number {
  return regions.reduce((sum, r) => sum + (r.end - r.start), 0);
}

/** Whether [start, end] overlaps any region, allowing `toleranceSec` of slack on each side. */
export function overlapsSpeech(regions: SpeechRegion[], start: number, end: number, toleranceSec = 0.25): boolean {
  return regions.some((r) => start < r.end + toleranceSec && end > r.start - toleranceSec);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
