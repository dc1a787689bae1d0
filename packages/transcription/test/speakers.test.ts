import { describe, expect, it } from 'vitest';
import { assignRoles, LiveRoleMapper, type DiarizedTurn } from '../src/speakers.ts';

const turn = (label: string | undefined, start: number, end: number): DiarizedTurn => ({ label, start, end });

describe('assignRoles (README heuristic: the voice that talks most is the clinician)', () => {
  it('labels everything clinician in dictation, whatever the diarizer says', () => {
    const role = assignRoles([turn('0', 0, 5), turn('1', 5, 6)], 'dictation');
    expect([role('0'), role('1'), role(undefined)]).toEqual(['clinician', 'clinician', 'clinician']);
  });

  it('labels everything other in an ambient visit without diarization', () => {
    const role = assignRoles([turn(undefined, 0, 5), turn(undefined, 5, 9)], 'ambient');
    expect(role(undefined)).toBe('other');
  });

  it('labels a single voice other in an ambient visit (the engine could not separate the parties)', () => {
    expect(assignRoles([turn('0', 0, 30)], 'ambient')('0')).toBe('other');
  });

  it('makes the voice with the most talk time the clinician even when the patient speaks first', () => {
    const role = assignRoles([turn('1', 0, 2), turn('0', 2, 12), turn('1', 12, 14), turn('0', 14, 25)], 'ambient');
    expect(role('0')).toBe('clinician');
    expect(role('1')).toBe('patient');
  });

  it('breaks a near tie (within 10%) by who spoke first', () => {
    const role = assignRoles([turn('1', 0, 10), turn('0', 10, 20.5)], 'ambient');
    expect(role('1')).toBe('clinician');
    expect(role('0')).toBe('patient');
  });

  it('labels a third voice other', () => {
    const role = assignRoles([turn('0', 0, 20), turn('1', 20, 30), turn('2', 30, 33)], 'ambient');
    expect([role('0'), role('1'), role('2')]).toEqual(['clinician', 'patient', 'other']);
  });
});

describe('LiveRoleMapper', () => {
  it('fixes roles in order of first appearance and never changes them', () => {
    const m = new LiveRoleMapper('ambient');
    expect(m.roleOf('3')).toBe('clinician');
    expect(m.roleOf('0')).toBe('patient');
    expect(m.roleOf('5')).toBe('other');
    expect(m.roleOf('3')).toBe('clinician');
    expect(m.roleOf(undefined)).toBe('other');
  });

  it('is all clinician in dictation', () => {
    const m = new LiveRoleMapper('dictation');
    expect([m.roleOf('0'), m.roleOf('1')]).toEqual(['clinician', 'clinician']);
  });
});
