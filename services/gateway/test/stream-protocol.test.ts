import { describe, expect, it } from 'vitest';
import { StreamProtocol, type Action } from '../src/stream/stream-protocol.ts';

const limits = { maxFrameBytes: 64 * 1024, maxSessionBytes: 100_000, maxSessionDurationSec: 3, maxEarlyFrames: 2 };
const pcmSeconds = (bytes: number) => bytes / 32000;
const frame = (seq: number, bytes = 3200, fill = 1) => {
  const b = Buffer.alloc(4 + bytes, fill);
  b.writeUInt32BE(seq, 0);
  return b;
};
const started = (lastSeq = 0) => {
  const p = new StreamProtocol('s1', limits, pcmSeconds);
  p.onText(JSON.stringify({ type: 'start', encoding: 'pcm_s16le' }));
  p.onOpened(lastSeq, lastSeq * 3200, { encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 });
  return p;
};
const sent = (actions: Action[]) => actions.flatMap((a) => (a.kind === 'send' ? [a.msg] : []));
const closeOf = (actions: Action[]) => actions.find((a) => a.kind === 'close');
const errorOf = (actions: Action[]) => sent(actions).find((m) => m.type === 'error') as { code: string } | undefined;

describe('StreamProtocol', () => {
  it('opens on start, answers ready with the stored sequence, and appends the next frames', () => {
    const p = new StreamProtocol('s1', limits, pcmSeconds);
    expect(p.onText('{"type":"start","encoding":"pcm_s16le","sampleRate":16000,"channels":1}')).toEqual([
      { kind: 'open', format: { encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 } },
    ]);
    const ready = p.onOpened(7, 7 * 3200, { encoding: 'pcm_s16le' });
    expect(sent(ready)).toEqual([{ type: 'ready', sessionId: 's1', lastSeq: 7 }]);
    const a = p.onBinary(frame(8));
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ kind: 'append', seq: 8 });
    expect((a[0] as { payload: Buffer }).payload.length).toBe(3200);
  });

  it('acks only what storage reports durable, never backwards', () => {
    const p = started();
    p.onBinary(frame(1));
    p.onBinary(frame(2));
    expect(sent(p.onDurable(2))).toEqual([{ type: 'ack', seq: 2 }]);
    expect(p.onDurable(1)).toEqual([]);
    expect(p.onDurable(2)).toEqual([]);
  });

  it('ignores a resent frame and acks it again; ignores one that is accepted but not yet durable', () => {
    const p = started(5);
    expect(sent(p.onBinary(frame(3)))).toEqual([{ type: 'ack', seq: 3 }]);
    p.onBinary(frame(6));
    expect(p.onBinary(frame(6))).toEqual([]);
    expect(p.highestAccepted).toBe(6);
  });

  it('refuses a gap with 4400 SEQUENCE_GAP, and sequence 0', () => {
    const p = started(2);
    const a = p.onBinary(frame(4));
    expect(closeOf(a)).toEqual({ kind: 'close', code: 4400 });
    expect(errorOf(a)?.code).toBe('SEQUENCE_GAP');
    expect(p.onBinary(frame(3))).toEqual([]);
    expect(errorOf(started().onBinary(frame(0)))?.code).toBe('BAD_SEQUENCE');
  });

  it('refuses text that is not a control message, audio before start and frames after end', () => {
    for (const text of ['hello', '{"type":"stop"}', '{"type":"start","encoding":"mp3"}', '[1,2]']) {
      const a = new StreamProtocol('s1', limits, pcmSeconds).onText(text);
      expect(errorOf(a)?.code).toBe('BAD_MESSAGE');
      expect(closeOf(a)?.code).toBe(4400);
    }
    expect(errorOf(new StreamProtocol('s1', limits, pcmSeconds).onBinary(frame(1)))?.code).toBe('START_REQUIRED');
    const p = started();
    p.onBinary(frame(1));
    expect(p.onText('{"type":"end"}')).toEqual([{ kind: 'finish' }]);
    const after = p.onBinary(frame(2));
    expect(errorOf(after)?.code).toBe('FRAME_AFTER_END');
    expect(closeOf(after)?.code).toBe(4400);
  });

  it('refuses end before any audio and a second start', () => {
    expect(errorOf(started().onText('{"type":"end"}'))?.code).toBe('NO_AUDIO');
    expect(errorOf(started().onText('{"type":"start"}'))?.code).toBe('BAD_MESSAGE');
  });

  it('closes 4413 for a frame over the limit, a session over its bytes and over its duration', () => {
    const big = started().onBinary(frame(1, 64 * 1024));
    expect(closeOf(big)?.code).toBe(4413);
    expect(errorOf(big)?.code).toBe('FRAME_TOO_LARGE');
    const bytes = new StreamProtocol('s1', { ...limits, maxSessionDurationSec: 1e6 }, pcmSeconds);
    bytes.onText('{"type":"start"}');
    bytes.onOpened(0, 0, { encoding: 'pcm_s16le' });
    let last: Action[] = [];
    for (let seq = 1; seq <= 40 && !closeOf(last); seq++) last = bytes.onBinary(frame(seq));
    expect(errorOf(last)?.code).toBe('SESSION_TOO_LARGE');
    const long = started();
    last = [];
    for (let seq = 1; seq <= 40 && !closeOf(last); seq++) last = long.onBinary(frame(seq, 3200));
    expect(errorOf(last)?.code).toBe('SESSION_TOO_LONG');
  });

  it('checks the container of the first frame against the encoding', () => {
    const p = new StreamProtocol('s1', limits, pcmSeconds);
    p.onText('{"type":"start","encoding":"webm_opus"}');
    p.onOpened(0, 0, { encoding: 'webm_opus' });
    expect(errorOf(p.onBinary(frame(1)))?.code).toBe('AUDIO_FORMAT_MISMATCH');
  });

  it('holds frames sent between start and ready, up to a limit, then replays them after ready', () => {
    const p = new StreamProtocol('s1', limits, pcmSeconds);
    p.onText('{"type":"start"}');
    expect(p.onBinary(frame(1))).toEqual([]);
    expect(p.onBinary(frame(2))).toEqual([]);
    const ready = p.onOpened(0, 0, { encoding: 'pcm_s16le' });
    expect(ready.map((a) => a.kind)).toEqual(['send', 'append', 'append']);
    const q = new StreamProtocol('s1', limits, pcmSeconds);
    q.onText('{"type":"start"}');
    q.onBinary(frame(1));
    q.onBinary(frame(2));
    expect(errorOf(q.onBinary(frame(3)))?.code).toBe('NOT_READY');
  });

  it('answers ping and says nothing after closing', () => {
    const p = started();
    expect(sent(p.onText('{"type":"ping"}'))).toEqual([{ type: 'pong' }]);
    p.fail(1011, 'INTERNAL', 'x');
    expect(p.onBinary(frame(1))).toEqual([]);
    expect(p.onDurable(1)).toEqual([]);
    expect(p.onFinished(1, 1)).toEqual([]);
  });
});
