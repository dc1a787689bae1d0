import { describe, expect, it } from 'vitest';
import { TranscriptionError } from '../src/transcriber.ts';
import { readWav, type PcmAudio } from '../src/wav.ts';

const samples = (a: PcmAudio) => Array.from({ length: a.data.length / 2 }, (_, i) => a.data.readInt16LE(i * 2));
import { wavFromSamples } from './helpers/audio.ts';

function expectBadAudio(buf: Buffer) {
  try {
    readWav(buf);
    expect.unreachable('readWav accepted bad audio');
  } catch (err) {
    expect(err).toBeInstanceOf(TranscriptionError);
    expect((err as TranscriptionError).kind).toBe('unrecoverable');
    expect((err as TranscriptionError).code).toBe('BAD_AUDIO');
  }
}

describe('readWav', () => {
  it('reads a 16 kHz mono 16-bit WAV', () => {
    const a = readWav(wavFromSamples([1, -2, 3, 32767, -32768]));
    expect(a).toMatchObject({ sampleRate: 16000, channels: 1, frames: 5 });
    expect(a.durationSec).toBeCloseTo(5 / 16000);
    expect(samples(a)).toEqual([1, -2, 3, 32767, -32768]);
  });

  it('skips unknown chunks and reads stereo', () => {
    const plain = wavFromSamples([100, 300, -50, -150], 8000, 2);
    const list = Buffer.concat([Buffer.from('LIST'), Buffer.from([3, 0, 0, 0]), Buffer.from('abc'), Buffer.from([0])]);
    const withList = Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36)]);
    const a = readWav(withList);
    expect(a).toMatchObject({ sampleRate: 8000, channels: 2, frames: 2 });
    expect(samples(a)).toEqual([100, 300, -50, -150]);
  });

  it('reads a streaming header whose data size is larger than the file', () => {
    const buf = wavFromSamples([1, 2, 3, 4]);
    buf.writeUInt32LE(0xffffffff, 40);
    expect(readWav(buf).frames).toBe(4);
  });

  it('rejects what is not 16-bit PCM WAV as unrecoverable BAD_AUDIO', () => {
    expectBadAudio(Buffer.from('not audio at all, just some text'));
    expectBadAudio(Buffer.alloc(0));
    const float = wavFromSamples([0, 0]);
    float.writeUInt16LE(3, 20); // IEEE float
    expectBadAudio(float);
    const eightBit = wavFromSamples([0, 0]);
    eightBit.writeUInt16LE(8, 34);
    expectBadAudio(eightBit);
    expectBadAudio(wavFromSamples([0, 0]).subarray(0, 36)); // header cut before data
  });
});
