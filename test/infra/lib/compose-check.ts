import { configSchema, loadConfig, type Config } from '@scribe/config';
import { arr, obj, str, type Obj } from './files.ts';
import { PORT_KEY } from './k8s-index.ts';

/** Services docker-compose.yml must define. */
export const COMPOSE_SERVICES = ['api', 'gateway', 'worker', 'migrate', 'postgres', 'redis', 'minio'] as const;
/** Secrets with no default: compose must refuse to start without them. */
export const REQUIRED_SECRETS = ['STREAM_TOKEN_SECRET', 'AUDIO_KEK'] as const;

/**
 * Compose variable interpolation, as far as this file uses it: `$$`, `$VAR`, `${VAR}`,
 * `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`. Throws like
 * compose does when a required variable is missing.
 */
export function interpolate(value: string, env: Readonly<Record<string, string | undefined>>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced?: string, colon?: string, op?: string, arg?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare ?? '';
    const v = env[name];
    const missing = v === undefined || (colon === ':' && v === '');
    if (op === '-') return missing ? (arg ?? '') : (v ?? '');
    if (op === '?' && missing) throw new Error(`required variable ${name} is missing: ${arg ?? ''}`);
    return v ?? '';
  });
}

/**
 * A service's container environment: values interpolated from `hostEnv`; a key with no
 * value is passed through from `hostEnv` when set there, and left out otherwise.
 */
export function containerEnv(service: Obj, hostEnv: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const raw = service.environment;
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((e) => {
        const s = String(e);
        const i = s.indexOf('=');
        return i < 0 ? [s, null] : [s.slice(0, i), s.slice(i + 1)];
      })
    : Object.entries(obj(raw));
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (v === null || v === undefined) {
      if (hostEnv[k] !== undefined) out[k] = hostEnv[k] as string;
    } else out[k] = interpolate(String(v), hostEnv);
  }
  return out;
}

/** Names in a service's `environment`, whatever its syntax. */
export const envNames = (service: Obj): string[] =>
  Array.isArray(service.environment) ? service.environment.map((e) => String(e).split('=')[0] ?? '') : Object.keys(obj(service.environment));

/** Problems with docker-compose.yml against the config schema and the repository. */
export function checkCompose(compose: unknown, facts: { configKeys: ReadonlySet<string>; fileExists: (p: string) => boolean; hostEnv: Record<string, string> }): string[] {
  const p: string[] = [];
  const services = obj(obj(compose).services);
  for (const name of COMPOSE_SERVICES) if (!(name in services)) p.push(`compose: service ${name} missing`);
  const defaults = loadConfig(configSchema, facts.hostEnv);
  for (const [name, raw] of Object.entries(services)) {
    const svc = obj(raw);
    const cmd = arr(svc.command).map(String);
    const isApp = name in PORT_KEY;
    if (isApp || name === 'migrate') {
      const file = isApp ? `services/${name}/src/main.ts` : 'packages/db/src/migrate-cli.ts';
      if (cmd.join(' ') !== `node --import tsx ${file}`) p.push(`compose ${name}: command must be node --import tsx ${file} (got ${cmd.join(' ')})`);
      for (const part of cmd) if (/\.ts$/.test(part) && !facts.fileExists(part)) p.push(`compose ${name}: command runs ${part}, which does not exist`);
      for (const k of envNames(svc)) if (!facts.configKeys.has(k)) p.push(`compose ${name}: ${k} is not a config variable (CONFIG_KEYS)`);
    }
    if (!isApp) continue;
    const env = obj(svc.environment);
    for (const s of REQUIRED_SECRETS) {
      if (!new RegExp(`^\\$\\{${s}:\\?[^}]+\\}$`).test(String(env[s] ?? ''))) p.push(`compose ${name}: ${s} must be \${${s}:?message} (required, no default)`);
    }
    let config: Config;
    try {
      config = loadConfig(configSchema, containerEnv(svc, facts.hostEnv));
    } catch (err) {
      p.push(`compose ${name}: its environment fails the config schema: ${(err as Error).message.replace(/\s+/g, ' ')}`);
      continue;
    }
    const key = PORT_KEY[name] as keyof Config;
    const port = Number(config[key]);
    if (port !== Number(defaults[key])) p.push(`compose ${name}: listens on ${port}, not the ${String(key)} default ${String(defaults[key])}`);
    if (config.HOST !== '0.0.0.0') p.push(`compose ${name}: HOST must be 0.0.0.0 inside a container`);
    // "3000:3000", "127.0.0.1:3000:3000" or "3000:3000/tcp": the container side is last.
    const published = arr(svc.ports).map((x) => String(x).split(':').pop()?.replace(/\/.*$/, ''));
    if (!published.includes(String(port))) p.push(`compose ${name}: publishes ${published.join(', ') || 'nothing'}, not its port ${port}`);
    const check = arr(obj(svc.healthcheck).test).map(String).join(' ');
    if (!check.includes(`:${port}/readyz`)) p.push(`compose ${name}: healthcheck must call /readyz on port ${port}`);
    if (str(svc.build) === undefined && str(obj(svc.build).context) === undefined && !svc.image) p.push(`compose ${name}: no build or image`);
  }
  return p;
}
