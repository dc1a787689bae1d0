import { describe, expect, it } from 'vitest';
import type { Note, Session } from '@scribe/domain';
import { buildNoteBundle } from '../src/fhir/note-bundle.ts';
import { checkDocumentBundle, checkXhtml, resourcesOf } from './helpers/fhir-r4-check.ts';
import { draftCoding, draftSections } from './helpers/notes-fixtures.ts';

const session = (over: Partial<Session> = {}): Session => ({
  id: '00000000-0000-4000-8000-0000000000aa', mode: 'ambient', discipline: 'pt', noteType: 'daily',
  patientRef: 'PHI-PATIENT-fhir1', encounterRef: 'enc-1', clinicianRef: 'emr-clin-7', dateOfService: '2026-11-23',
  payer: { type: 'medicare' }, status: 'drafted', audio: { bytes: 0, durationSec: 0, sha256: null },
  timings: { createdAt: '2026-11-23T15:59:00.000Z' }, ...over,
});
const note = (over: Partial<Note> = {}): Note => ({
  id: '00000000-0000-4000-8000-0000000000bb', sessionId: '00000000-0000-4000-8000-0000000000aa', clinicianRef: 'emr-clin-7',
  status: 'draft', version: 1, aiGenerated: true,
  provenance: { engine: 'offline-therapy-drafter', model: 'offline-rules-1', promptVersion: 'pt-daily-v1', transcriptSha256: 'ab'.repeat(32), generatedAt: '2026-11-23T16:00:00.000Z', latencyMs: 9 },
  sections: draftSections(), coding: draftCoding(), signature: null,
  createdAt: '2026-11-23T16:00:00.000Z', updatedAt: '2026-11-23T16:00:00.000Z', ...over,
});
const signed = () => note({ status: 'signed', version: 3, signature: { clinicianRef: 'emr-clin-9', signedAt: '2026-11-23T16:10:00.000Z' }, updatedAt: '2026-11-23T16:10:00.000Z' });
type R = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('FHIR R4 document bundle', () => {
  it('a draft: valid structure, preliminary, AI-asserted labels, the AI as author', () => {
    const b = buildNoteBundle(note(), session()) as R;
    expect(checkDocumentBundle(b)).toEqual([]);
    const [comp] = resourcesOf(b, 'Composition') as R[];
    const [doc] = resourcesOf(b, 'DocumentReference') as R[];
    const [prov] = resourcesOf(b, 'Provenance') as R[];
    const [device] = resourcesOf(b, 'Device') as R[];
    expect(comp!.status).toBe('preliminary');
    expect(doc!).toMatchObject({ status: 'current', docStatus: 'preliminary' });
    for (const r of [b, comp!, doc!]) expect(r.meta.security).toEqual([{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'AIAST', display: 'Artificial Intelligence asserted' }]);
    expect(resourcesOf(b, 'Practitioner')).toEqual([]);
    expect(comp!.attester).toBeUndefined();
    expect(prov!.agent).toEqual([{ type: { coding: [expect.objectContaining({ code: 'author' })] }, who: expect.objectContaining({ reference: `urn:uuid:${device!.id}` }) }]);
    expect(device!.deviceName).toEqual([{ name: 'offline-rules-1', type: 'model-name' }, { name: 'offline-therapy-drafter', type: 'user-friendly-name' }]);
    expect(device!.version).toEqual([{ type: { text: 'prompt version' }, value: 'pt-daily-v1' }]);
    expect(device!.type.coding[0]).toMatchObject({ system: 'http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS', code: 'Artificial-Intelligence' });
    expect(resourcesOf(b, 'Patient')[0]).toMatchObject({ identifier: [{ system: 'urn:scribe:emr:patient-id', value: 'PHI-PATIENT-fhir1' }] });
    expect(doc!.content[0].attachment.url).toBe(b.entry[0].fullUrl);
    expect(doc!.masterIdentifier).toEqual(b.identifier);
  });

  it('a signed note: final, clinician-asserted-from-AI label, the clinician as verifier, attester and Practitioner', () => {
    const b = buildNoteBundle(signed(), session()) as R;
    expect(checkDocumentBundle(b)).toEqual([]);
    const [comp] = resourcesOf(b, 'Composition') as R[];
    const [doc] = resourcesOf(b, 'DocumentReference') as R[];
    const [prov] = resourcesOf(b, 'Provenance') as R[];
    const [pract] = resourcesOf(b, 'Practitioner') as R[];
    expect(comp!.status).toBe('final');
    expect(doc!.docStatus).toBe('final');
    expect(comp!.meta.security).toEqual([{ system: 'http://hl7.org/fhir/uv/aitransparency/CodeSystem/AddedProvenanceCS', code: 'CLINAST_AIRPT', display: 'Clinician Asserted from AI Reported' }]);
    expect(pract!.identifier).toEqual([{ system: 'urn:scribe:emr:clinician-id', value: 'emr-clin-9' }]);
    const practUrl = `urn:uuid:${pract!.id}`;
    expect(comp!.attester).toEqual([{ mode: 'legal', time: '2026-11-23T16:10:00.000Z', party: { reference: practUrl } }]);
    expect(prov!.agent.map((a: R) => a.type.coding[0].code)).toEqual(['author', 'verifier']);
    expect(prov!.agent[1].who.reference).toBe(practUrl);
    expect(prov!.recorded).toBe('2026-11-23T16:10:00.000Z');
    expect(doc!.authenticator).toEqual({ reference: practUrl });
  });

  it('types the document by discipline and codes the SOAP sections with LOINC', () => {
    const expected = { pt: '11508-9', ot: '11507-1', slp: '11512-1', chiro: '28580-9', massage: '11506-3' } as const;
    for (const [discipline, loinc] of Object.entries(expected)) {
      const b = buildNoteBundle(note(), session({ discipline: discipline as Session['discipline'] })) as R;
      const [comp] = resourcesOf(b, 'Composition') as R[];
      const [doc] = resourcesOf(b, 'DocumentReference') as R[];
      expect(comp!.type.coding[0]).toMatchObject({ system: 'http://loinc.org', code: loinc });
      expect(doc!.type.coding[0].code).toBe(loinc);
      expect(comp!.section.map((s: R) => [s.title, s.code.coding[0].code])).toEqual([
        ['Subjective', '61150-9'], ['Objective', '61149-1'], ['Assessment', '51848-0'], ['Plan', '18776-5'],
      ]);
    }
  });

  it('escapes statement text in the narrative and still says so when a section is empty', () => {
    const sections = draftSections();
    sections.plan = [{ id: 'p1', text: 'Knee <script>alert(1)</script> & "flexion" > 90', origin: 'clinician', evidence: [] }];
    sections.assessment = [];
    const b = buildNoteBundle(note({ sections }), session()) as R;
    expect(checkDocumentBundle(b)).toEqual([]);
    const [comp] = resourcesOf(b, 'Composition') as R[];
    const plan = comp!.section[3].text.div as string;
    expect(plan).toBe('<div xmlns="http://www.w3.org/1999/xhtml"><ul><li class="origin-clinician">Knee &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;flexion&quot; &gt; 90</li></ul></div>');
    expect(comp!.section[2].text.div).toContain('None documented.');
    expect(checkXhtml('<div xmlns="http://www.w3.org/1999/xhtml"><p>a <b>b</p></div>')).not.toEqual([]);
  });

  it('exports the same note version identically (stable ids), and a new version as a new document', () => {
    expect(buildNoteBundle(note(), session())).toEqual(buildNoteBundle(note(), session()));
    expect(buildNoteBundle(note({ version: 2 }), session()).identifier).not.toEqual(buildNoteBundle(note(), session()).identifier);
  });

  it('the checker catches what it claims to: a dangling reference, an empty value, Composition not first', () => {
    const b = buildNoteBundle(note(), session()) as R;
    b.entry = [...b.entry.slice(1), b.entry[0]];
    (resourcesOf(b, 'Provenance')[0] as R).target.push({ reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
    (resourcesOf(b, 'Patient')[0] as R).name = [];
    const problems = checkDocumentBundle(b);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/bdl-11/), expect.stringMatching(/does not resolve/), expect.stringMatching(/ele-1/),
    ]));
  });
});
