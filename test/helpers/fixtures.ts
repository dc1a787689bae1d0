/**
 * Test data. Patient refs carry the PHI- marker so the log scan (scripts/check-logs.ts)
 * can prove none of them reached a log line.
 */
import { randomBytes } from 'node:crypto';

export const PHI_MARKER = 'PHI-PATIENT-';

export const patientRef = () => `${PHI_MARKER}${randomBytes(4).toString('hex')}`;

export function sessionBody(overrides: Record<string, unknown> = {}) {
  return {
    mode: 'ambient',
    discipline: 'pt',
    noteType: 'daily',
    patientRef: patientRef(),
    encounterRef: `enc-${randomBytes(3).toString('hex')}`,
    clinicianRef: 'emr-clin-7',
    dateOfService: '2026-11-23',
    payer: { type: 'medicare' },
    context: {
      diagnoses: [{ icd10: 'Z96.651', description: 'Presence of right artificial knee joint' }],
      goals: [{ id: 'g1', text: 'Independent reciprocal stairs within 6 weeks' }],
      visitNumber: 4,
      referral: { onFile: true },
    },
    consent: { obtained: true, method: 'verbal', obtainedAt: '2026-11-23T15:58:00Z', allParty: true },
    audio: { encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 },
    ...overrides,
  };
}
