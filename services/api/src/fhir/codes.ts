/**
 * Codes used in the FHIR R4 export, each with where it was checked.
 */
import type { Discipline, SectionName } from '@scribe/domain';

export const LOINC = 'http://loinc.org';

export interface Code {
  system: string;
  code: string;
  display: string;
}

/**
 * Document type by discipline: the discipline's LOINC "Progress note" (a daily, progress or
 * other treatment note). Codes and displays as listed in the C-CDA value set
 * ProgressNoteDocumentTypeCode (urn:oid:2.16.840.1.113883.11.20.8.1, C-CDA on FHIR 1.2.0).
 * Massage therapy has no discipline-specific code there: it uses the generic 11506-3.
 */
export const NOTE_TYPE: Record<Discipline, Code> = {
  pt: { system: LOINC, code: '11508-9', display: 'Physical therapy Progress note' },
  ot: { system: LOINC, code: '11507-1', display: 'Occupational therapy Progress note' },
  slp: { system: LOINC, code: '11512-1', display: 'Speech-language pathology Progress note' },
  chiro: { system: LOINC, code: '28580-9', display: 'Chiropractic medicine Progress note' },
  massage: { system: LOINC, code: '11506-3', display: 'Progress note' },
};

/**
 * SOAP section codes, as used by the C-CDA Subjective (61150-9), Objective (61149-1),
 * Assessment (51848-0) and Plan of Treatment (18776-5) sections; all four are in FHIR's
 * document section value set (http://hl7.org/fhir/ValueSet/doc-section-codes).
 */
export const SECTION: Record<SectionName, Code & { title: string }> = {
  subjective: { system: LOINC, code: '61150-9', display: 'Subjective Narrative', title: 'Subjective' },
  objective: { system: LOINC, code: '61149-1', display: 'Objective Narrative', title: 'Objective' },
  assessment: { system: LOINC, code: '51848-0', display: 'Evaluation note', title: 'Assessment' },
  plan: { system: LOINC, code: '18776-5', display: 'Plan of care note', title: 'Plan' },
};

/**
 * AI transparency security labels, from HL7 "AI Transparency on FHIR" (STU1 ballot 1.0.0-ballot,
 * http://hl7.org/fhir/uv/aitransparency/2026Jan/; ValueSet ProvenanceVS):
 * - AIAST "Artificial Intelligence asserted" in HL7 terminology's v3-ObservationValue: the
 *   content was produced by an AI (our draft, before any clinician signs it).
 * - CLINAST_AIRPT "Clinician Asserted from AI Reported" in the IG's own CodeSystem
 *   AddedProvenanceCS: "a clinician has reviewed and asserted the content that was originally
 *   reported by an AI system" (our note once a clinician signs it). The label still says AI
 *   was involved: the AI marking survives sign-off.
 */
export const AI_ASSERTED: Code = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
  code: 'AIAST',
  display: 'Artificial Intelligence asserted',
};
export const CLINICIAN_ASSERTED_FROM_AI: Code = {
  system: 'http://hl7.org/fhir/uv/aitransparency/CodeSystem/AddedProvenanceCS',
  code: 'CLINAST_AIRPT',
  display: 'Clinician Asserted from AI Reported',
};

/** The IG's Device.type for an AI system (CodeSystem AIdeviceTypeCS, profile AI-Device). */
export const AI_DEVICE_TYPE: Code = {
  system: 'http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS',
  code: 'Artificial-Intelligence',
  display: 'All kinds of Artificial Intelligence',
};

/** Provenance.agent.type (R4 binding: http://terminology.hl7.org/CodeSystem/provenance-participant-type). */
const PARTICIPANT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
export const AUTHOR: Code = { system: PARTICIPANT, code: 'author', display: 'Author' };
export const VERIFIER: Code = { system: PARTICIPANT, code: 'verifier', display: 'Verifier' };

/** Provenance.activity: the AI created the content (R4 example binding v3-DataOperation). */
export const CREATE: Code = { system: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation', code: 'CREATE', display: 'create' };

/**
 * Identifier systems for the EMR's own ids. The ids are opaque to us and returned to the
 * organisation that sent them; these URNs only say which kind of id each is.
 */
export const ID_SYSTEM = {
  document: 'urn:ietf:rfc:3986',
  patient: 'urn:scribe:emr:patient-id',
  clinician: 'urn:scribe:emr:clinician-id',
  encounter: 'urn:scribe:emr:encounter-id',
  transcript: 'urn:scribe:transcript-sha256',
} as const;
