import type { Metrics } from '@scribe/observability';

/**
 * Per-socket ack metrics: audio bytes accepted, frames acked, and each frame's latency from
 * receipt to its ack (the durable write). An ack covers every frame up to its sequence, so
 * one ack observes the latency of each frame it covers. Acks repeated for resent frames
 * (already durable) are not counted: they wrote nothing.
 */
export class AckMeter {
  private received: Array<{ seq: number; at: number }> = [];
  private counted = 0;

  constructor(private readonly metrics: Metrics) {}

  /** The stream opened at this durable sequence (acks at or below it are repeats). */
  opened(seq: number): void {
    this.counted = seq;
  }

  accepted(seq: number, bytes: number): void {
    this.metrics.wsBytes.inc(bytes);
    this.received.push({ seq, at: performance.now() });
  }

  acked(seq: number): void {
    if (seq <= this.counted) return;
    this.metrics.wsAcks.inc(seq - this.counted);
    this.counted = seq;
    const now = performance.now();
    let n = 0;
    while (n < this.received.length && this.received[n]!.seq <= seq) this.metrics.wsAckLatency.observe((now - this.received[n++]!.at) / 1000);
    if (n > 0) this.received.splice(0, n);
  }
}
