// Microphone capture with MediaRecorder as WebM/Opus chunks, handed over in order.
// The chunks only make sense as one continuous stream: the first carries the WebM (EBML)
// header and a later chunk cannot be decoded without it, so one recorder feeds one stream
// from start to stop, and a dropped socket never restarts the recorder.

export const MIME = 'audio/webm;codecs=opus';

/** Why the microphone cannot be used here, or null when it can. */
export function microphoneProblem() {
  if (!globalThis.isSecureContext) return 'The microphone needs a secure page: open the console over https or on localhost.';
  if (!navigator.mediaDevices?.getUserMedia) return 'This browser has no microphone access (getUserMedia).';
  if (typeof MediaRecorder === 'undefined' || !MediaRecorder.isTypeSupported(MIME)) {
    return 'This browser cannot record WebM/Opus; upload a recording instead.';
  }
  return null;
}

/**
 * Start recording. `onChunk(Uint8Array)` is called for every chunk, strictly in order.
 * Resolves with `{ stop }`; `stop()` resolves after the last chunk was handed over.
 * @param {{ onChunk: (bytes: Uint8Array) => void, timesliceMs?: number }} o
 */
export async function startMicrophone(o) {
  const media = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  const recorder = new MediaRecorder(media, { mimeType: MIME, audioBitsPerSecond: 32_000 });
  // Blob -> bytes is asynchronous; chain the conversions so chunk order is kept.
  let chain = Promise.resolve();
  let failure = null;
  recorder.addEventListener('dataavailable', (ev) => {
    if (!ev.data || ev.data.size === 0) return;
    chain = chain
      .then(() => ev.data.arrayBuffer())
      .then((buf) => o.onChunk(new Uint8Array(buf)))
      .catch((err) => { failure ??= err; });
  });
  const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
  recorder.start(o.timesliceMs ?? 500);
  return {
    recorder,
    async stop() {
      if (recorder.state !== 'inactive') recorder.stop();
      await stopped;
      for (const track of media.getTracks()) track.stop();
      await chain;
      if (failure) throw failure;
    },
  };
}
