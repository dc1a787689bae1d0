import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Speaker } from './enums.ts';

export const Word = z.object({ word: z.string(), start: z.number(), end: z.number(), confidence: z.number().optional() });

export const Utterance = z.object({
  id: z.string(),
  speaker: Speaker,
  start: z.number(),
  end: z.number(),
  text: z.string(),
  words: z.array(Word).optional(),
});

export const Transcript = z.object({
  engine: z.string(),
  model: z.string(),
  language: z.string().optional(),
  utterances: z.array(Utterance),
});

export type Word = z.infer<typeof Word>;
export type Utterance = z.infer<typeof Utterance>;
export type Transcript = z.infer<typeof Transcript>;

/**
 * SHA-256 of a transcript's canonical form (ids, speakers, times, text): the stored
 * transcript and a note's provenance name the same hash, and any edit changes it.
 */
export function transcriptSha256(utterances: Pick<Utterance, 'id' | 'speaker' | 'start' | 'end' | 'text'>[]): string {
  const canonical = utterances.map((u) => [u.id, u.speaker, u.start, u.end, u.text]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
