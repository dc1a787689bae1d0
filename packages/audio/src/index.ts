export { AudioError, type AudioErrorCode } from './errors.ts';
export {
  ENCODINGS, CONTAINER_OF, MAGIC_BYTES, detectContainer, encodingForContentType, pcmByteRate,
  type Encoding, type SourceFormat, type Container,
} from './format.ts';
export { parseWavHeader, wavDurationSec, buildWavHeader, pcmToWav, type WavInfo } from './wav.ts';
export { decodeToPcm, type DecodeOptions, type DecodeResult } from './ffmpeg.ts';
export { measureAudio, type AudioFacts, type MeasureOptions } from './measure.ts';
export { toWav16kMono, toPcm16kMono } from './convert.ts';
export { synthPcm, synthWav } from './synth.ts';
