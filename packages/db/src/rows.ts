/** Convert a pg timestamp to ISO-8601 UTC, keeping `undefined` for null. */
export const iso = (d: Date | null | undefined): string | undefined => (d ? d.toISOString() : undefined);

/** pg returns `date` columns as local-midnight Date objects; render them as YYYY-MM-DD. */
export const isoDay = (d: Date | string): string => {
  if (typeof d === 'string') return d.slice(0, 10);
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
};

/** Drop keys whose value is undefined or null, so optional contract fields are absent, not null. */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null)) as T;
}
