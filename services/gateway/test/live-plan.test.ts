import { describe, expect, it } from 'vitest';
import { buildWavHeader, parseWavHeader, type WavInfo } from '@scribe/audio';
import { planLive } from '../src/live/live-plan.ts';

const wav16k: WavInfo = parseWavHeader(buildWavHeader(0, 16000, 1))!;

describe('planLive: where a socket\'s live stream starts on the session clock', () => {
  it('a socket that starts the recording sends the audio as it comes, from 0 s', () => {
    expect(planLive({ encoding: 'pcm_s16le', sampleRate: 48000, channels: 2 }, 0, null)).toEqual({
      open: { encoding: 'pcm_s16le', sampleRate: 48000, channels: 2 }, offsetSec: 0, skipBytes: 0,
    });
    // Containers go as they are: the engine reads their header.
    for (const encoding of ['wav', 'webm_opus', 'ogg_opus'] as const) {
      expect(planLive({ encoding }, 0, null)).toEqual({ open: { encoding }, offsetSec: 0, skipBytes: 0 });
    }
  });

  it('raw PCM resumes at stored bytes / byte rate, on a sample boundary', () => {
    expect(planLive({ encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 }, 64_000, null)).toEqual({
      open: { encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 }, offsetSec: 2, skipBytes: 0,
    });
    // 3 bytes into a stereo frame (4 bytes): skip 1 byte, the clock starts at the next frame.
    const odd = planLive({ encoding: 'pcm_s16le', sampleRate: 8000, channels: 2 }, 32_003, null);
    expect(odd).toEqual({ open: { encoding: 'pcm_s16le', sampleRate: 8000, channels: 2 }, offsetSec: 32_004 / 32_000, skipBytes: 1 });
  });

  it('WAV resumes as linear16 with the stored header\'s rate and channels; the header is not audio time', () => {
    expect(wav16k.dataOffset).toBe(44);
    expect(planLive({ encoding: 'wav' }, 44 + 32_000, wav16k)).toEqual({
      open: { encoding: 'pcm_s16le', sampleRate: 16000, channels: 1 }, offsetSec: 1, skipBytes: 0,
    });
    // 3200-byte client frames: the data is 44 bytes behind the frame grid, still whole samples.
    expect(planLive({ encoding: 'wav' }, 3200 * 10, wav16k)).toMatchObject({ offsetSec: (32_000 - 44) / 32_000, skipBytes: 0 });
    // Stopped inside the header: skip its rest, data starts at 0 s.
    expect(planLive({ encoding: 'wav' }, 20, wav16k)).toMatchObject({ offsetSec: 0, skipBytes: 24 });
  });

  it('says why when a socket cannot continue live', () => {
    expect(planLive({ encoding: 'webm_opus' }, 5000, null)).toEqual({ unavailable: 'CONTAINER_RESUME' });
    expect(planLive({ encoding: 'ogg_opus' }, 5000, null)).toEqual({ unavailable: 'CONTAINER_RESUME' });
    expect(planLive({ encoding: 'wav' }, 5000, null)).toEqual({ unavailable: 'WAV_HEADER_UNKNOWN' });
    expect(planLive({ encoding: 'wav' }, 5000, { ...wav16k, bitsPerSample: 24 })).toEqual({ unavailable: 'WAV_NOT_PCM16' });
    expect(planLive({ encoding: 'wav' }, 5000, { ...wav16k, formatTag: 3 })).toEqual({ unavailable: 'WAV_NOT_PCM16' });
  });
});
