import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from '@scribe/config';
import { obj, readYaml, repoFileExists, ROOT } from './lib/files.ts';
import { checkCompose, containerEnv, interpolate, REQUIRED_SECRETS } from './lib/compose-check.ts';
import { dockerfileUser } from './lib/repo-facts.ts';

const compose = readYaml(resolve(ROOT, 'docker-compose.yml'));
/** What a user puts in .env (from .env.example): the two required secrets, nothing else. */
const hostEnv = { STREAM_TOKEN_SECRET: 's'.repeat(44), AUDIO_KEK: Buffer.alloc(32, 1).toString('base64') };
const facts = { configKeys: new Set<string>(CONFIG_KEYS), fileExists: repoFileExists, hostEnv };

describe('docker-compose.yml', () => {
  it('matches the services, ports, commands and config schema', () => {
    expect(checkCompose(compose, facts)).toEqual([]);
  });

  it('refuses to start without the required secrets', () => {
    const api = obj(obj(obj(compose).services).api);
    for (const s of REQUIRED_SECRETS) {
      const env = { ...hostEnv, [s]: undefined };
      expect(() => containerEnv(api, env), s).toThrow(`required variable ${s} is missing`);
    }
  });

  it('passes optional vendor keys through only when they are set', () => {
    const worker = obj(obj(obj(compose).services).worker);
    expect(containerEnv(worker, hostEnv)).not.toHaveProperty('DEEPGRAM_API_KEY');
    expect(containerEnv(worker, { ...hostEnv, DEEPGRAM_API_KEY: 'dg-key' })).toMatchObject({ DEEPGRAM_API_KEY: 'dg-key' });
  });
});

describe('Dockerfile and .dockerignore', () => {
  const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
  it('runs as the numeric non-root user the manifests expect', () => {
    const { uid, gid, user } = dockerfileUser(dockerfile);
    expect(uid).toBe(10001);
    expect(user).toBe(`${uid}:${gid}`);
  });

  it('default CMD runs a service that exists', () => {
    const cmd = JSON.parse(/^CMD\s+(\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
    expect(cmd.slice(0, 3)).toEqual(['node', '--import', 'tsx']);
    expect(repoFileExists(cmd[3] ?? '')).toBe(true);
  });

  it('never copies local secrets into the image', () => {
    const ignore = readFileSync(resolve(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    expect(ignore).toEqual(expect.arrayContaining(['.env', '.env.*', '.scribe', 'node_modules']));
  });
});

// Real mistakes the compose check must name.
describe('compose checks catch real mistakes', () => {
  const edit = (fn: (services: Record<string, unknown>) => void) => {
    const copy = structuredClone(compose) as Record<string, unknown>;
    fn(obj(copy.services));
    return checkCompose(copy, facts).join('\n');
  };
  it.each([
    ['a typo in an env name', (s: Record<string, unknown>) => { obj(obj(s.api).environment).REDIS_URI = 'redis://redis:6379'; }, 'REDIS_URI is not a config variable'],
    ['a wrong published port', (s: Record<string, unknown>) => { obj(s.gateway).ports = ['3010:3010']; }, 'publishes 3010, not its port 3001'],
    ['a port override away from the default', (s: Record<string, unknown>) => { obj(obj(s.worker).environment).WORKER_METRICS_PORT = '9102'; }, 'listens on 9102, not the WORKER_METRICS_PORT default 3002'],
    ['a command to a missing file', (s: Record<string, unknown>) => { obj(s.migrate).command = ['node', '--import', 'tsx', 'packages/db/src/migrate.cli.ts']; }, 'migrate.cli.ts, which does not exist'],
    ['an empty default for an optional key', (s: Record<string, unknown>) => { obj(obj(s.api).environment).OPENAI_BASE_URL = '${OPENAI_BASE_URL:-}'; }, 'OPENAI_BASE_URL'],
    ['a default for a required secret', (s: Record<string, unknown>) => { obj(obj(s.api).environment).AUDIO_KEK = '${AUDIO_KEK:-}'; }, 'AUDIO_KEK must be ${AUDIO_KEK:?message}'],
    ['a missing service', (s: Record<string, unknown>) => { delete s.redis; }, 'service redis missing'],
  ])('%s', (_name, fn, expected) => {
    expect(edit(fn)).toContain(expected);
  });
});

describe('compose interpolation (the subset docker-compose.yml uses)', () => {
  it('handles defaults, required variables and $$', () => {
    expect(interpolate('${A:-x}/${B-y}/$$C/${D}', { A: '', B: '', D: 'd' })).toBe('x//$C/d');
    expect(() => interpolate('${A:?set A}', {})).toThrow('set A');
  });
});
