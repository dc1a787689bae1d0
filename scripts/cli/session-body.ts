import { readFileSync } from 'node:fs';
import { flag, type Args } from './args.ts';

/** A session body from CLI flags (see HELP in sessions.command.ts), with defaults that pass validation. */
export function sessionBodyFrom(args: Args, mode: 'ambient' | 'dictation', audio?: { encoding: string; sampleRate?: number; channels?: number }) {
  const today = new Date().toISOString().slice(0, 10);
  const ctxFile = flag(args, 'context');
  return {
    mode,
    discipline: flag(args, 'discipline') ?? 'pt',
    noteType: flag(args, 'note-type') ?? 'daily',
    patientRef: flag(args, 'patient') ?? 'cli-patient',
    encounterRef: flag(args, 'encounter') ?? `cli-${Date.now()}`,
    clinicianRef: flag(args, 'clinician') ?? process.env.SCRIBE_CLINICIAN_ID ?? 'cli-clinician',
    dateOfService: flag(args, 'date') ?? today,
    payer: { type: flag(args, 'payer') ?? 'medicare' },
    ...(ctxFile ? { context: JSON.parse(readFileSync(ctxFile, 'utf8')) } : {}),
    ...(mode === 'ambient' ? { consent: { obtained: true, method: 'verbal', obtainedAt: new Date().toISOString(), allParty: true } } : {}),
    ...(audio ? { audio } : {}),
  };
}

/** Encoding, sample rate and channels from a file's name and, for WAV, its header. */
export function audioFormatOf(file: string, bytes: Buffer): { encoding: 'wav' | 'webm_opus' | 'ogg_opus' | 'pcm_s16le'; sampleRate?: number; channels?: number; bytesPerSecond: number } {
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WAVE') {
    const channels = bytes.readUInt16LE(22);
    const sampleRate = bytes.readUInt32LE(24);
    return { encoding: 'wav', sampleRate, channels, bytesPerSecond: bytes.readUInt32LE(28) };
  }
  if (/\.webm$/i.test(file)) return { encoding: 'webm_opus', bytesPerSecond: 3_000 };
  if (/\.(ogg|opus)$/i.test(file)) return { encoding: 'ogg_opus', bytesPerSecond: 3_000 };
  return { encoding: 'pcm_s16le', sampleRate: 16_000, channels: 1, bytesPerSecond: 32_000 };
}
