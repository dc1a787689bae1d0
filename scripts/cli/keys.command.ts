import { Scope } from '@scribe/domain';
import { createApiKey, createPool, ensureOrganisation, revokeApiKey } from '@scribe/db';
import { flag, UsageError, type Args } from './args.ts';

export const KEYS_HELP = `scribe keys create --org NAME [--scopes a,b,...] [--label TEXT]
    Create an API key for organisation NAME (created if new) and print it once.
    Only its hash is stored. Default scopes: every scope except admin.
    Scopes: ${Scope.options.join(', ')}
scribe keys revoke PREFIX
    Revoke a key by its public prefix (the 16 hex characters after "sk_").`;

const DEFAULT_SCOPES = Scope.options.filter((s) => s !== 'admin');

/** `scribe keys ...`: talks to the database directly (DATABASE_URL), like any admin tool. */
export async function keysCommand(args: Args): Promise<void> {
  const [, sub, arg] = args.positionals;
  const pool = createPool({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/scribe', max: 1 });
  try {
    if (sub === 'create') {
      const org = flag(args, 'org');
      if (!org) throw new UsageError('keys create needs --org NAME');
      const raw = flag(args, 'scopes');
      const scopes = raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : DEFAULT_SCOPES;
      const bad = scopes.filter((s) => !Scope.safeParse(s).success);
      if (bad.length) throw new UsageError(`unknown scope(s): ${bad.join(', ')}; valid: ${Scope.options.join(', ')}`);
      const orgId = await ensureOrganisation(pool, org);
      const { key, prefix } = await createApiKey(pool, { orgId, scopes: scopes as Scope[], label: flag(args, 'label') });
      if (args.flags.json) console.log(JSON.stringify({ key, prefix, org, scopes }));
      else {
        console.error(`Created key ${prefix} for "${org}" with scopes: ${scopes.join(', ')}`);
        console.error('Store it now: it is shown only once.');
        console.log(key);
      }
    } else if (sub === 'revoke') {
      if (!arg) throw new UsageError('keys revoke needs the key prefix');
      if (!(await revokeApiKey(pool, arg))) throw new UsageError(`no active key with prefix ${arg}`);
      console.error(`Revoked key ${arg}`);
    } else {
      throw new UsageError(KEYS_HELP);
    }
  } finally {
    await pool.end();
  }
}
