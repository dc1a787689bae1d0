/**
 * A minimal valid value for an OpenAPI (JSON Schema) request body, so a test can call
 * every documented endpoint, including ones added later, with a body that passes
 * validation and reaches the handler. Covers what the zod transform emits: objects,
 * arrays, anyOf/oneOf (first branch), enums, const, nullable, formats and simple patterns.
 */
import { randomUUID } from 'node:crypto';

type Schema = Record<string, unknown>;

const STRING_CANDIDATES = ['97110', 'GP', 'sample', 'x', 'a1', '1', 'emr-1', 'AB', 'en'];

export function sampleFromSchema(schema: Schema, root: Schema = {}, depth = 0): unknown {
  if (depth > 12) return null;
  if (typeof schema.$ref === 'string') return sampleFromSchema(resolveRef(schema.$ref, root), root, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options?.length) {
      const usable = options.find((o) => o.type !== 'null') ?? options[0]!;
      return sampleFromSchema(usable, root, depth + 1);
    }
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined);
  switch (type) {
    case 'object':
    case undefined: {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      // Every property, optional ones too: a body made only of required fields can still be
      // refused as "nothing to change".
      return Object.fromEntries(Object.entries(props).map(([k, s]) => [k, sampleFromSchema(s, root, depth + 1)]));
    }
    case 'array': {
      const items = (schema.items ?? {}) as Schema;
      const n = Math.min(Math.max(Number(schema.minItems ?? 1), 1), Number(schema.maxItems ?? 1));
      return Array.from({ length: n }, () => sampleFromSchema(items, root, depth + 1));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum as number | undefined;
      const max = schema.maximum as number | undefined;
      return min !== undefined && min > 1 ? min : max !== undefined && max < 1 ? max : 1;
    }
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: Schema): string {
  switch (schema.format) {
    case 'uuid': return randomUUID();
    case 'date': return '2026-11-23';
    case 'date-time': return '2026-11-23T16:00:00.000Z';
    case 'uri':
    case 'url': return 'https://example.invalid/hook';
    case 'email': return 'someone@example.invalid';
  }
  const min = Number(schema.minLength ?? 0);
  const max = Number(schema.maxLength ?? 10_000);
  const pattern = typeof schema.pattern === 'string' ? new RegExp(schema.pattern, 'u') : null;
  const fits = (s: string) => s.length >= min && s.length <= max && (!pattern || pattern.test(s));
  const found = [...STRING_CANDIDATES, 'x'.repeat(Math.max(min, 1))].find(fits);
  if (found === undefined) throw new Error(`no sample string for ${JSON.stringify(schema)}`);
  return found;
}

function resolveRef(ref: string, root: Schema): Schema {
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)?.[part];
  if (!node) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}
