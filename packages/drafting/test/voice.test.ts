/**
 * Dialogue to third-person clinical prose. Source: FORMAT.md "voice leaks" (no I, I'm, me,
 * my, we, our, you, your outside quotation marks) and DOMAIN.md 1.5 (SOAP S = patient-reported
 * symptoms and function).
 */
import { describe, expect, it } from 'vitest';
import { toThirdPerson, voiceLeaks } from '../src/text/voice.ts';

describe('toThirdPerson (FORMAT.md voice leaks)', () => {
  it.each([
    ["I'm still going one at a time, holding both rails.", 'patient', 'Patient is still going one at a time, holding both rails.'],
    ['I still take the cane to church.', 'patient', 'Patient still takes the cane to church.'],
    ['The shoulder hurts when I reach overhead.', 'patient', 'The shoulder hurts when reaching overhead.'],
    ['I slipped and landed on my right hand.', 'patient', 'Patient slipped and landed on the right hand.'],
    ["You're lacking about fifteen degrees on the right.", 'clinician', 'Patient is lacking about fifteen degrees on the right.'],
    ["Next time we'll progress the leg press.", 'clinician', 'Next time will progress the leg press.'],
    ['Last visit you were step-to with both rails.', 'clinician', 'Last visit patient was step-to with both rails.'],
    ['Twice a week I bring meals over.', 'other', 'Twice a week caregiver brings meals over.'],
    // what the clinic lacks, as a chart says it (the J-set fact "no ... referral"; DOMAIN.md 2.6 T23)
    ["Note for the front desk: we still don't have a referral or prescription on file.", 'clinician', 'Note for the front desk: no referral or prescription on file.'],
    ["I don't have Dr. Castillo's prescription yet.", 'clinician', "No Dr. Castillo's prescription yet."],
  ] as const)('%s', (spoken, voice, prose) => {
    const out = toThirdPerson(spoken, voice);
    expect(out).toBe(prose);
    expect(voiceLeaks(out)).toEqual([]);
  });

  it('flags first and second person outside quotes only', () => {
    expect(voiceLeaks('I think your knee is better.')).toEqual(['I', 'your']);
    expect(voiceLeaks('Patient states, "I can carry my groceries now."')).toEqual([]);
    expect(voiceLeaks('Targets velar /k/ and /g/.')).toEqual([]);
  });
});
