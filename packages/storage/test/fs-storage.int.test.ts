import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsBlobStore } from '../src/index.ts';
import { storageSuite } from './storage-suite.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  }
  return out;
}

storageSuite('the filesystem', async () => {
  const root = await mkdtemp(join(tmpdir(), 'scribe-fs-store-'));
  return {
    blobs: new FsBlobStore(root),
    rawObjects: async () => Promise.all((await filesUnder(root)).map((f) => readFile(f))),
    tamper: async (key) => {
      const path = join(root, ...key.split('/'));
      const bytes = await readFile(path);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      await writeFile(path, bytes);
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
});
