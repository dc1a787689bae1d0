import { SectionName, type Note, type Session } from '@scribe/domain';
import {
  AI_ASSERTED, AI_DEVICE_TYPE, AUTHOR, CLINICIAN_ASSERTED_FROM_AI, CREATE, ID_SYSTEM, NOTE_TYPE, SECTION, VERIFIER, type Code,
} from './codes.ts';
import { statementsNarrative } from './narrative.ts';
import { stableUuid } from './ids.ts';

/** A FHIR R4 resource as plain JSON. */
export type FhirResource = { resourceType: string; id: string } & Record<string, unknown>;
export interface FhirBundle extends FhirResource {
  resourceType: 'Bundle';
  type: 'document';
  identifier: { system: string; value: string };
  timestamp: string;
  entry: { fullUrl: string; resource: FhirResource }[];
}

const DISCIPLINE: Record<Session['discipline'], string> = {
  pt: 'Physical therapy', ot: 'Occupational therapy', slp: 'Speech-language pathology', chiro: 'Chiropractic', massage: 'Massage therapy',
};
const NOTE_KIND: Record<Session['noteType'], string> = {
  evaluation: 'evaluation', daily: 'daily note', progress: 'progress note', reevaluation: 're-evaluation', discharge: 'discharge summary',
};

const codeable = (c: Code, text?: string) => ({ coding: [{ system: c.system, code: c.code, display: c.display }], ...(text ? { text } : {}) });
const isInstant = (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s));
const nonEmpty = (s: string | undefined | null): s is string => typeof s === 'string' && s.trim().length > 0;

/**
 * The note as a FHIR R4 document Bundle: Composition first (SOAP sections as escaped XHTML
 * narrative), then the Patient (the EMR's own patient id), the AI as a Device, the signing
 * clinician as a Practitioner once signed, a DocumentReference and a Provenance naming the
 * AI as author and, once signed, the clinician as verifier. Every reference is a
 * `urn:uuid:` fullUrl inside the bundle (the encounter is named by identifier only).
 * Ids derive from the note id and version: the same version always exports identically.
 */
export function buildNoteBundle(note: Note, session: Session): FhirBundle {
  const uid = (kind: string) => stableUuid('scribe-note', note.id, String(note.version), kind);
  const url = (id: string) => `urn:uuid:${id}`;
  const signed = note.status === 'signed' && note.signature !== null;
  const title = `${DISCIPLINE[session.discipline]} ${NOTE_KIND[session.noteType]}`;
  const type = codeable(NOTE_TYPE[session.discipline], title);
  const security = [signed ? CLINICIAN_ASSERTED_FROM_AI : AI_ASSERTED];
  const documentId = url(uid('document'));

  const patient: FhirResource = {
    resourceType: 'Patient', id: uid('Patient'),
    identifier: [{ system: ID_SYSTEM.patient, value: session.patientRef }],
  };
  const p = note.provenance;
  const device: FhirResource = {
    resourceType: 'Device', id: uid('Device'),
    type: codeable(AI_DEVICE_TYPE),
    deviceName: [
      ...(nonEmpty(p.model) ? [{ name: p.model, type: 'model-name' }] : []),
      ...(nonEmpty(p.engine) ? [{ name: p.engine, type: 'user-friendly-name' }] : []),
    ],
    ...(nonEmpty(p.promptVersion) ? { version: [{ type: { text: 'prompt version' }, value: p.promptVersion }] } : {}),
  };
  if ((device.deviceName as unknown[]).length === 0) delete device.deviceName;
  const practitioner: FhirResource | null = signed
    ? { resourceType: 'Practitioner', id: uid('Practitioner'), identifier: [{ system: ID_SYSTEM.clinician, value: note.signature!.clinicianRef }] }
    : null;

  const deviceRef = { reference: url(device.id), display: 'AI scribe (drafted the note)' };
  const practitionerRef = practitioner ? { reference: url(practitioner.id) } : null;
  const authors = practitionerRef ? [practitionerRef, deviceRef] : [deviceRef];
  const dayOfService = { start: session.dateOfService, end: session.dateOfService };

  const composition: FhirResource = {
    resourceType: 'Composition', id: uid('Composition'),
    meta: { security },
    identifier: { system: ID_SYSTEM.document, value: url(note.id) },
    status: signed ? 'final' : 'preliminary',
    type,
    subject: { reference: url(patient.id) },
    encounter: { identifier: { system: ID_SYSTEM.encounter, value: session.encounterRef } },
    date: note.updatedAt,
    author: authors,
    title,
    ...(practitionerRef ? { attester: [{ mode: 'legal', time: note.signature!.signedAt, party: practitionerRef }] } : {}),
    event: [{ period: dayOfService }],
    section: SectionName.options.map((s) => ({
      title: SECTION[s].title,
      code: codeable(SECTION[s]),
      text: statementsNarrative(note.sections[s]),
    })),
  };

  const documentReference: FhirResource = {
    resourceType: 'DocumentReference', id: uid('DocumentReference'),
    meta: { security },
    masterIdentifier: { system: ID_SYSTEM.document, value: documentId },
    status: 'current',
    docStatus: signed ? 'final' : 'preliminary',
    type,
    subject: { reference: url(patient.id) },
    date: note.updatedAt,
    author: authors,
    ...(practitionerRef ? { authenticator: practitionerRef } : {}),
    description: title,
    content: [{ attachment: { contentType: 'application/fhir+json', url: url(composition.id), title, creation: note.updatedAt } }],
    context: { period: dayOfService },
  };

  const provenance: FhirResource = {
    resourceType: 'Provenance', id: uid('Provenance'),
    target: [{ reference: url(composition.id) }, { reference: url(documentReference.id) }],
    ...(isInstant(p.generatedAt) ? { occurredDateTime: p.generatedAt } : {}),
    recorded: signed ? note.signature!.signedAt : note.createdAt,
    activity: codeable(CREATE),
    agent: [
      { type: codeable(AUTHOR), who: deviceRef },
      ...(practitionerRef ? [{ type: codeable(VERIFIER), who: practitionerRef }] : []),
    ],
    ...(nonEmpty(p.transcriptSha256)
      ? { entity: [{ role: 'source', what: { identifier: { system: ID_SYSTEM.transcript, value: p.transcriptSha256 }, display: 'Session transcript' } }] }
      : {}),
  };

  const resources = [composition, patient, ...(practitioner ? [practitioner] : []), device, documentReference, provenance];
  return {
    resourceType: 'Bundle', id: uid('Bundle'),
    meta: { security },
    identifier: { system: ID_SYSTEM.document, value: documentId },
    type: 'document',
    timestamp: note.updatedAt,
    entry: resources.map((r) => ({ fullUrl: url(r.id), resource: r })),
  };
}
