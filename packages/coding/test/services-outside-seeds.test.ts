/**
 * Services the seeds do not name but therapists bill every day (held-out set P): aquatic
 * therapy 97113 and wheelchair management 97542 (timed, 15-minute units), mechanical traction
 * 97012 and canalith repositioning 95992 (untimed, one per day). The descriptors are CPT's,
 * outside the seeds (DOMAIN.md 2.13 lists 97012 among "codes not in the seeds"); the unit
 * arithmetic is the seeds' 8-minute rule and CMS total-time method (DOMAIN.md 2.2).
 */
import { describe, expect, it } from 'vitest';
import { codeVisit } from '../src/index.ts';
import { checkIds, entry, visit } from './support.ts';

const summary = (r: ReturnType<typeof codeVisit>) => r.lines.map((l) => `${l.code}x${l.units}`);

describe('services outside the seeds', () => {
  it('aquatic therapy 38 min + floor transfers 10 min, Medicare: 48 min is 3 units; 97113 keeps 2 and the larger remainder (10 > 8) takes the third', () => {
    const r = codeVisit(visit({
      payer: { type: 'medicare' },
      ledger: [
        entry({ intervention: 'aquatic therapy: forward and backward walking, 10 laps each; hip abduction, 3x15 each leg', kindHint: 'aquatic_therapy', parameters: ['10 laps', '3x15'], minutes: 38, startTime: '14:05', stopTime: '14:43' }),
        entry({ intervention: 'floor-to-stand transfers, half kneel to stand using a chair', kindHint: 'therapeutic_activity', parameters: ['2x5'], minutes: 10, startTime: '14:45', stopTime: '14:55' }),
      ],
    }));
    expect(summary(r)).toEqual(['97113x2', '97530x1']);
  });

  it('wheelchair management 33 min + transfer practice 7 min, Medicare: 40 min is 3 units, the 7 remaining minutes earn the third', () => {
    const r = codeVisit(visit({
      discipline: 'ot', payer: { type: 'medicare' },
      ledger: [
        entry({ intervention: 'air cell cushion fitted, lateral trunk support added, forward leans for pressure relief', kindHint: 'wheelchair_management', parameters: ['5 leans'], minutes: 33, startTime: '13:12', stopTime: '13:45' }),
        entry({ intervention: 'transfer practice, bed to chair', kindHint: 'therapeutic_activity', parameters: ['2 trials'], minutes: 7, startTime: '13:46', stopTime: '13:53' }),
      ],
    }));
    expect(summary(r).sort()).toEqual(['97530x1', '97542x2']);
  });

  it('mechanical traction for 15 minutes is untimed: one unit, whatever the minutes; manual traction stays 97140', () => {
    const r = codeVisit(visit({
      ledger: [
        entry({ intervention: 'traction unit, intermittent, 15 lb, 60 s on, 20 s off', kindHint: 'mechanical_traction', bodyRegions: ['cervical'], side: null, parameters: ['15 lb'], minutes: 15 }),
        entry({ intervention: 'gentle manual traction, 3 holds of 30 s', kindHint: 'manual_therapy', bodyRegions: ['cervical'], side: null, parameters: ['3 holds'], minutes: 11, startTime: '14:30', stopTime: '14:41' }),
      ],
    }));
    expect(summary(r).sort()).toEqual(['97012x1', '97140x1']);
  });

  it('two rounds of the Epley are one canalith repositioning (95992, once per day), beside timed balance work', () => {
    const r = codeVisit(visit({
      payer: { type: 'medicare' },
      measures: [{ kind: 'neuromotor', name: 'foam stance eyes closed', value: '9 s', baseline: '8 s', side: null, evidence: ['u1'] }],
      ledger: [
        entry({ intervention: '2 rounds of the Epley, right posterior canal', kindHint: 'canalith_repositioning', bodyRegions: ['head'], side: 'right', parameters: ['2 rounds'], minutes: 17, startTime: '10:04', stopTime: '10:21', evidence: ['u2'] }),
        entry({ intervention: 'feet together on foam with head turns; tandem walk, 4 lengths', kindHint: 'neuromuscular_reeducation', parameters: ['4 lengths'], minutes: 23, startTime: '10:21', stopTime: '10:44', evidence: ['u3'] }),
      ],
    }));
    expect(summary(r).sort()).toEqual(['95992x1', '97112x2']);
    expect(checkIds(r)).not.toContain('neuromotor_deficit_missing');
  });
});

describe('vague_intervention with per-session codes (DOMAIN.md 2.4, 2.7)', () => {
  it('a 92526 session dosed in one block is not vague for a block of talk under the same code', () => {
    const r = codeVisit(visit({
      discipline: 'slp', payer: { type: 'medicare' },
      ledger: [
        entry({ intervention: 'with the chin tuck and mildly thick liquids it stayed out of the airway', kindHint: 'swallowing_treatment', parameters: [], minutes: null, outcome: null }),
        entry({ intervention: 'effortful swallow, 10 reps; chin tuck against resistance, 3x10', kindHint: 'swallowing_treatment', parameters: ['10 reps', '3x10'], minutes: null, outcome: '18/20 with no cough' }),
      ],
    }));
    expect(checkIds(r)).not.toContain('vague_intervention');
  });

  it('"some oral motor play with the toys for the rest of the session" is an item named only in general words', () => {
    const r = codeVisit(visit({
      discipline: 'slp',
      ledger: [
        entry({ intervention: 'lateral tongue movement and chewing on 6/10 placements; some oral motor play with the toys for the rest of the session', kindHint: 'swallowing_treatment', parameters: [], minutes: null, outcome: '6/10 placements' }),
      ],
    }));
    expect(checkIds(r)).toContain('vague_intervention');
  });
});
