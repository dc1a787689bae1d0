import type { SpeechRegion } from '../speech-activity.ts';

/** A piece of the recording to upload on its own, in seconds. */
export interface Chunk {
  start: number;
  end: number;
}

/**
 * Cut a long recording into pieces of at most `maxSec`, each cut in the middle of a pause
 * between speech regions so no word is split; only a stretch of speech longer than `maxSec`
 * without any pause is cut hard. OpenAI's endpoint takes files up to 25 MB, which is about 13
 * minutes of 16 kHz 16-bit mono WAV, while an ambient visit runs 30 to 60 minutes.
 */
export function planChunks(regions: SpeechRegion[], durationSec: number, maxSec: number): Chunk[] {
  const cuts = regions.slice(1).map((r, i) => (regions[i]!.end + r.start) / 2);
  const chunks: Chunk[] = [];
  let start = 0;
  while (durationSec - start > maxSec) {
    const limit = start + maxSec;
    let cut = limit;
    for (const c of cuts) if (c > start && c <= limit) cut = c;
    chunks.push({ start, end: cut });
    start = cut;
  }
  chunks.push({ start, end: durationSec });
  return chunks;
}

/** The regions inside a chunk, on the chunk's own clock. */
export function regionsIn(regions: SpeechRegion[], chunk: Chunk): SpeechRegion[] {
  return regions
    .filter((r) => r.end > chunk.start && r.start < chunk.end)
    .map((r) => ({ start: Math.max(r.start, chunk.start) - chunk.start, end: Math.min(r.end, chunk.end) - chunk.start }));
}
