/**
 * One storage test suite, run against every BlobStore implementation (filesystem and S3):
 * the blob contract, and the encrypted audio path on top of it (stream writer, upload,
 * text, finish, tamper detection, crypto-shredding).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthPcm, synthWav, AudioError } from '@scribe/audio';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import {
  AudioStore, LocalKeyWrapper, StorageError, StreamWriter, TailWriter, cancelSession, finishRecording, storeDictationText, storeUpload,
  type BlobStore,
} from '../src/index.ts';
import { frames, leaksPlaintext, newSession, sha256 } from './helpers.ts';

export interface SuiteTarget {
  blobs: BlobStore;
  /** Every stored object's bytes exactly as the backend holds them (files on disk). */
  rawObjects(): Promise<Buffer[]>;
  /** Flip one byte of a stored object behind the store's back. */
  tamper(key: string): Promise<void>;
  close(): Promise<void>;
}

const errCode = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof StorageError || err instanceof AudioError ? err.code : String(err);
  }
};

export function storageSuite(name: string, makeTarget: () => Promise<SuiteTarget>): void {
  describe(`storage on ${name}`, () => {
    let t: SuiteTarget;
    let db: TestDatabase;
    let store: AudioStore;
    let tail: TailWriter;

    beforeAll(async () => {
      t = await makeTarget();
      db = await createTestDatabase();
      store = new AudioStore({ pool: db.pool, blobs: t.blobs, keys: new LocalKeyWrapper({ k1: Buffer.alloc(32, 9) }, 'k1') });
      tail = new TailWriter(db.pool);
    });
    afterAll(async () => {
      await db?.drop();
      await t?.close();
    });

    describe('blob contract', () => {
      it('puts, gets, overwrites, lists by prefix and deletes', async () => {
        await t.blobs.put('c/a/1.bin', Buffer.from('one'));
        await t.blobs.put('c/a/2.bin', Buffer.from('two'));
        await t.blobs.put('c/b/1.bin', Buffer.from('three'));
        await t.blobs.put('c/a/1.bin', Buffer.from('uno'));
        expect((await t.blobs.get('c/a/1.bin')).toString()).toBe('uno');
        expect(await t.blobs.list('c/a/')).toEqual(['c/a/1.bin', 'c/a/2.bin']);
        await t.blobs.delete('c/a/1.bin');
        await t.blobs.delete('c/a/1.bin');
        expect(await errCode(t.blobs.get('c/a/1.bin'))).toBe('BLOB_NOT_FOUND');
        expect(await t.blobs.list('c/')).toEqual(['c/a/2.bin', 'c/b/1.bin']);
        expect(await t.blobs.ping()).toBe(true);
      });

      it('refuses keys that could escape the store or carry free text', async () => {
        for (const bad of ['../etc/passwd', '/abs', 'a/../b', 'Patient Name.wav', 'a//b', '']) {
          expect(await errCode(t.blobs.put(bad, Buffer.from('x')))).toBe('INVALID_OBJECT_KEY');
        }
      });
    });

    describe('streamed audio', () => {
      const source = synthWav(60, { seed: 42 });
      let session: Awaited<ReturnType<typeof newSession>>;
      const acks: number[] = [];

      beforeAll(async () => {
        session = await newSession(db.pool, { audio: { encoding: 'wav' } });
        const writer = await StreamWriter.open({ store, tail, segmentTargetBytes: 160_000 }, session.id, {}, session.actor, {
          durable: (seq) => acks.push(seq), released: () => {}, failed: () => {},
        });
        frames(source).forEach((f, i) => writer.append(i + 1, f));
        await writer.idle();
        const result = await finishRecording(store, session.id, { actor: session.actor, known: writer.knownAudio() });
        expect(result).toMatchObject({ changed: true, enqueue: true, facts: { bytes: source.length, sha256: sha256(source), durationSec: 60 } });
      });

      it('acks in order and reads back exactly the source bytes from ordered, contiguous segments', async () => {
        expect(acks.length).toBeGreaterThan(0);
        expect(acks).toEqual([...acks].sort((a, b) => a - b));
        expect(acks.at(-1)).toBe(frames(source).length);
        const back = await store.readSessionAudio(session.id);
        expect(sha256(back)).toBe(sha256(source));
        const { rows } = await db.pool.query('SELECT segment_index, first_seq, last_seq FROM audio_segments WHERE session_id = $1 ORDER BY segment_index', [session.id]);
        expect(rows.length).toBeGreaterThan(5);
        rows.forEach((r, i) => {
          expect(r.segment_index).toBe(i);
          if (i > 0) expect(Number(r.first_seq)).toBe(Number(rows[i - 1].last_seq) + 1);
        });
        expect((await db.pool.query('SELECT count(*)::int n FROM audio_pending_chunks WHERE session_id = $1', [session.id])).rows[0].n).toBe(0);
        expect(await t.blobs.list(`sessions/${session.id}/`)).toHaveLength(rows.length);
      });

      it('leaves no plaintext audio in the store (no RIFF header, no run of source bytes)', async () => {
        const objects = await t.rawObjects();
        expect(objects.length).toBeGreaterThan(5);
        for (const o of objects) expect(leaksPlaintext(o, source)).toBeNull();
      });

      it('a finished session is idempotent and refuses new writers', async () => {
        expect(await finishRecording(store, session.id, { actor: session.actor })).toEqual({ changed: false, enqueue: true });
        expect(await errCode(StreamWriter.open({ store, tail, segmentTargetBytes: 160_000 }, session.id, {}, session.actor,
          { durable: () => {}, released: () => {}, failed: () => {} }))).toBe('SESSION_NOT_OPEN');
      });

      it('fails loudly when one stored byte is flipped', async () => {
        const keys = await t.blobs.list(`sessions/${session.id}/`);
        await t.tamper(keys[3]!);
        expect(await errCode(store.readSessionAudio(session.id))).toBe('AUDIO_TAMPERED');
      });
    });

    describe('uploads, text and crypto-shredding', () => {
      it('stores an upload in segments and reads it back; DELETE makes it unreadable by every path', async () => {
        const s = await newSession(db.pool);
        const pcm = synthPcm(20, { seed: 7 });
        const facts = await storeUpload(store, s.id, (async function* () { for (const f of frames(pcm, 50_000)) yield f; })(), {
          actor: s.actor, format: { encoding: 'pcm_s16le' }, maxBytes: 10_000_000, segmentTargetBytes: 160_000, action: 'audio.upload',
        });
        expect(facts).toMatchObject({ bytes: pcm.length, durationSec: 20, sha256: sha256(pcm) });
        expect((await store.readSessionAudio(s.id)).equals(pcm)).toBe(true);
        expect((await store.audioInfo(s.id))?.source).toBe('upload');

        const cancelled = await cancelSession(store, s.id, s.actor);
        expect(cancelled.changed).toBe(true);
        expect(await errCode(store.readSessionAudio(s.id))).toBe('AUDIO_SHREDDED');
        expect(await errCode(store.dataKey(s.id, { create: true }))).toBe('AUDIO_SHREDDED');
        expect(await errCode(finishRecording(store, s.id, { actor: s.actor }))).toBe('SESSION_NOT_OPEN');
        expect(await t.blobs.list(`sessions/${s.id}/`)).toEqual([]);
        const key = await db.pool.query('SELECT wrapped_key, destroyed_at FROM audio_data_keys WHERE session_id = $1', [s.id]);
        expect(key.rows[0].wrapped_key).toBeNull();
        expect(key.rows[0].destroyed_at).toBeInstanceOf(Date);
        expect((await cancelSession(store, s.id, s.actor)).changed).toBe(false);
      });

      it('refuses garbage in an upload and leaves nothing behind', async () => {
        const s = await newSession(db.pool, { audio: { encoding: 'ogg_opus' } });
        const garbage = Buffer.from(Array.from({ length: 400_000 }, (_, i) => (i * 7919) % 253));
        garbage.write('OggS', 0, 'latin1');
        const r = await errCode(storeUpload(store, s.id, (async function* () { for (const f of frames(garbage, 64_000)) yield f; })(), {
          actor: s.actor, format: { encoding: 'ogg_opus' }, maxBytes: 10_000_000, segmentTargetBytes: 160_000, action: 'audio.upload',
        }));
        expect(r).toBe('UNDECODABLE_AUDIO');
        expect(await t.blobs.list(`sessions/${s.id}/`)).toEqual([]);
        expect((await db.pool.query('SELECT count(*)::int n FROM audio_segments WHERE session_id = $1', [s.id])).rows[0].n).toBe(0);
        expect((await db.pool.query('SELECT status FROM sessions WHERE id = $1', [s.id])).rows[0].status).toBe('created');
      });

      it('stores dictated text encrypted and shreds it with the session', async () => {
        const s = await newSession(db.pool, { mode: 'dictation' });
        const text = 'Patient reports knee pain 3/10 after stairs. PHI-PATIENT-text';
        await storeDictationText(store, s.id, text, s.actor);
        expect(await store.readDictationText(s.id)).toBe(text);
        for (const o of await t.rawObjects()) expect(o.includes(Buffer.from('knee pain'))).toBe(false);
        expect(await errCode(storeDictationText(store, s.id, 'again', s.actor))).toBe('SESSION_NOT_OPEN');
        await cancelSession(store, s.id, s.actor);
        expect(await errCode(store.readDictationText(s.id))).toBe('AUDIO_SHREDDED');
      });
    });
  });
}
