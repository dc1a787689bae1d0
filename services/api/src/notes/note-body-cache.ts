/** A note's response body as last sent, with the version tag it was read at. */
export interface CachedNoteBody {
  tag: string;
  version: number;
  /** `{"note": ...}` exactly as the route's response serializer wrote it. */
  json: string;
}

/**
 * The response bodies of recently read notes, by organisation and id, least recently used
 * evicted past `max`. Never answered from on its own: a read still goes to Postgres, which
 * writes its audit row and says whether the tag held here is current (`readNotesAudited`), so
 * what this saves is shipping, folding and serialising an unchanged note again. The key holds
 * the organisation, so one organisation's read never finds another's entry.
 */
export function createNoteBodyCache(max: number) {
  const entries = new Map<string, CachedNoteBody>();
  const key = (orgId: string, id: string) => `${orgId}/${id}`;
  return {
    get(orgId: string, id: string): CachedNoteBody | undefined {
      const k = key(orgId, id);
      const hit = entries.get(k);
      if (hit) {
        entries.delete(k);
        entries.set(k, hit);
      }
      return hit;
    },
    set(orgId: string, id: string, body: CachedNoteBody): void {
      const k = key(orgId, id);
      entries.delete(k);
      entries.set(k, body);
      if (entries.size > max) entries.delete(entries.keys().next().value!);
    },
    delete(orgId: string, id: string): void {
      entries.delete(key(orgId, id));
    },
    get size() {
      return entries.size;
    },
  };
}
