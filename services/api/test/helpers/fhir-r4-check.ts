/**
 * A structural check of the FHIR R4 document Bundles the API exports, written from the R4
 * (4.0.1) resource definitions for the resources we emit: required elements (1..*),
 * required code bindings, the document-Bundle invariants (bdl-9 identifier, bdl-10
 * timestamp, bdl-11 Composition first, bdl-7 unique fullUrls), Composition sections (cmp-1),
 * narrative XHTML, ele-1 (no empty values) and that every reference resolves inside the
 * bundle. It is not a full validator (no profiles, no terminology server): it returns the
 * list of problems found, empty when none.
 */
type Json = Record<string, unknown>;

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const XHTML_ELEMENTS = new Set(['div', 'p', 'ul', 'ol', 'li', 'span', 'b', 'i', 'br', 'table', 'tr', 'td', 'th', 'h1', 'h2', 'h3']);
const KNOWN = new Set(['Composition', 'Patient', 'Practitioner', 'Device', 'DocumentReference', 'Provenance']);

export function checkDocumentBundle(bundle: Json): string[] {
  const problems: string[] = [];
  const fail = (msg: string) => problems.push(msg);
  const need = (ok: unknown, msg: string) => { if (!ok) fail(msg); };

  need(bundle.resourceType === 'Bundle', 'resourceType is not Bundle');
  need(bundle.type === 'document', 'Bundle.type is not document');
  const id = bundle.identifier as Json | undefined;
  need(id && typeof id.system === 'string' && typeof id.value === 'string', 'bdl-9: a document needs identifier.system and identifier.value');
  need(typeof bundle.timestamp === 'string' && INSTANT.test(bundle.timestamp as string), 'bdl-10: a document needs a timestamp (instant)');
  const entries = (bundle.entry ?? []) as Json[];
  need(entries.length > 0, 'Bundle has no entries');
  need((entries[0]?.resource as Json | undefined)?.resourceType === 'Composition', 'bdl-11: the first entry must be a Composition');

  const fullUrls = new Set<string>();
  for (const e of entries) {
    const url = e.fullUrl as string;
    const r = e.resource as Json;
    need(UUID_URN.test(url), `fullUrl ${url} is not a urn:uuid`);
    need(!fullUrls.has(url), `bdl-7: fullUrl ${url} appears twice`);
    fullUrls.add(url);
    need(r && KNOWN.has(r.resourceType as string), `unexpected resource ${String(r?.resourceType)}`);
    need(r && `urn:uuid:${r.id as string}` === url, `resource id ${String(r?.id)} disagrees with its fullUrl`);
  }
  walk(bundle, '', (path, key, value) => {
    if (value === '' || (Array.isArray(value) && value.length === 0) || (isObj(value) && Object.keys(value).length === 0)) fail(`ele-1: empty value at ${path}`);
    if (key === 'reference' && typeof value === 'string' && !fullUrls.has(value)) fail(`reference ${value} at ${path} does not resolve in the bundle`);
    if (key === 'div' && typeof value === 'string') problems.push(...checkXhtml(value, path));
  });

  for (const e of entries) {
    const r = e.resource as Json;
    const at = `${r.resourceType as string}`;
    switch (r.resourceType) {
      case 'Composition': {
        need(['preliminary', 'final', 'amended', 'entered-in-error'].includes(r.status as string), `${at}.status is required (composition-status)`);
        need(hasCoding(r.type), `${at}.type is required`);
        need(typeof r.date === 'string' && DATE_TIME.test(r.date as string), `${at}.date is required (dateTime)`);
        need(Array.isArray(r.author) && r.author.length > 0, `${at}.author is required (1..*)`);
        need(typeof r.title === 'string', `${at}.title is required`);
        for (const a of (r.attester ?? []) as Json[]) need(['personal', 'professional', 'legal', 'official'].includes(a.mode as string), `${at}.attester.mode is required`);
        for (const s of (r.section ?? []) as Json[]) {
          need(s.text || s.entry || s.section, `cmp-1: section ${String(s.title)} has no text, entries or sections`);
          need(!s.emptyReason || !s.entry, `cmp-2: section ${String(s.title)} has emptyReason and entries`);
          if (s.text) need(['generated', 'extensions', 'additional', 'empty'].includes((s.text as Json).status as string), `${at}.section.text.status is required`);
        }
        break;
      }
      case 'DocumentReference': {
        need(['current', 'superseded', 'entered-in-error'].includes(r.status as string), `${at}.status is required (document-reference-status)`);
        if (r.docStatus !== undefined) need(['preliminary', 'final', 'amended', 'entered-in-error'].includes(r.docStatus as string), `${at}.docStatus is not a composition-status`);
        const content = (r.content ?? []) as Json[];
        need(content.length > 0, `${at}.content is required (1..*)`);
        for (const c of content) {
          const att = c.attachment as Json | undefined;
          need(att, `${at}.content.attachment is required`);
          if (typeof att?.url === 'string' && att.url.startsWith('urn:uuid:')) need(fullUrls.has(att.url), `${at} attachment url does not resolve`);
        }
        break;
      }
      case 'Provenance': {
        need(Array.isArray(r.target) && r.target.length > 0, `${at}.target is required (1..*)`);
        need(typeof r.recorded === 'string' && INSTANT.test(r.recorded as string), `${at}.recorded is required (instant)`);
        const agents = (r.agent ?? []) as Json[];
        need(agents.length > 0, `${at}.agent is required (1..*)`);
        for (const a of agents) need(a.who, `${at}.agent.who is required`);
        for (const en of (r.entity ?? []) as Json[]) need(['derivation', 'revision', 'quotation', 'source', 'removal'].includes(en.role as string) && en.what, `${at}.entity needs role and what`);
        break;
      }
    }
    if (r.text) need((r.text as Json).div, `${at}.text.div is required`);
  }
  return problems;
}

/** The narrative rules that matter for safety: XHTML namespace, balanced allowed tags, escaped text. */
export function checkXhtml(div: string, path = 'div'): string[] {
  const problems: string[] = [];
  if (!div.startsWith('<div xmlns="http://www.w3.org/1999/xhtml">') || !div.endsWith('</div>')) problems.push(`${path}: narrative must be an XHTML div`);
  const stack: string[] = [];
  let text = 0;
  for (const m of div.matchAll(/<(\/?)([a-zA-Z0-9]+)([^<>]*?)(\/?)>|([^<]+)/g)) {
    if (m[5] !== undefined) {
      if (/[>]|&(?!(amp|lt|gt|quot|#39);)/.test(m[5])) problems.push(`${path}: unescaped text`);
      if (m[5].trim()) text++;
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (!XHTML_ELEMENTS.has(name!)) problems.push(`${path}: element <${name}> is not allowed in narrative`);
    if (/\bon\w+=|<script/i.test(m[0])) problems.push(`${path}: active content`);
    if (selfClose) continue;
    if (close) { if (stack.pop() !== name) problems.push(`${path}: unbalanced </${name}>`); } else stack.push(name!);
  }
  if (stack.length) problems.push(`${path}: unclosed <${stack.join('>, <')}>`);
  if (div.replace(/<[^>]*>/g, '').includes('<')) problems.push(`${path}: stray <`);
  if (text === 0) problems.push(`${path}: txt-2 narrative has no text`);
  return problems;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasCoding = (cc: unknown) => isObj(cc) && Array.isArray(cc.coding) && cc.coding.length > 0;

function walk(node: unknown, path: string, visit: (path: string, key: string, value: unknown) => void): void {
  if (Array.isArray(node)) node.forEach((v, i) => { visit(`${path}[${i}]`, String(i), v); walk(v, `${path}[${i}]`, visit); });
  else if (isObj(node)) for (const [k, v] of Object.entries(node)) { visit(`${path}.${k}`, k, v); walk(v, `${path}.${k}`, visit); }
}

/** All resources of a type in a bundle. */
export const resourcesOf = (bundle: Json, type: string) =>
  ((bundle.entry ?? []) as Json[]).map((e) => e.resource as Json).filter((r) => r.resourceType === type);
