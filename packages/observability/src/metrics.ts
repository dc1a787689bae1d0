import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const STAGE_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
/**
 * Drafting time per note: the offline drafter takes milliseconds, an LLM draft (a slow
 * model, a local model server, a long visit) can take minutes. Buckets reach 10 minutes so a
 * quantile over slow drafts is a real number, not the top bucket (a 30 s top bucket capped
 * every slow draft at 30 s).
 */
const DRAFT_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 180, 300, 450, 600];

/**
 * Every Prometheus series the services expose, in one registry per process. Names are the
 * contract with infra/ (alert rules, dashboards): change them together. Labels carry ids of
 * kinds (route, stage, queue, provider), never session or patient ids.
 */
export function createMetrics(service: 'api' | 'gateway' | 'worker') {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'scribe_process_' });
  const r = [registry];
  return {
    registry,
    httpDuration: new Histogram({ name: 'scribe_http_request_duration_seconds', help: 'HTTP request latency by route', labelNames: ['method', 'route', 'status'], buckets: LATENCY_BUCKETS, registers: r }),
    wsConnections: new Gauge({ name: 'scribe_ws_connections', help: 'Open audio WebSocket connections', registers: r }),
    wsBytes: new Counter({ name: 'scribe_ws_audio_bytes_total', help: 'Audio bytes received over WebSockets', registers: r }),
    wsAcks: new Counter({ name: 'scribe_ws_acks_total', help: 'Frames acknowledged after a durable write', registers: r }),
    wsAckLatency: new Histogram({ name: 'scribe_ws_ack_latency_seconds', help: 'Frame receipt to ack (durable write)', buckets: LATENCY_BUCKETS, registers: r }),
    stageDuration: new Histogram({ name: 'scribe_stage_duration_seconds', help: 'Pipeline stage run time', labelNames: ['stage', 'outcome'], buckets: STAGE_BUCKETS, registers: r }),
    stageOutcomes: new Counter({ name: 'scribe_stage_outcomes_total', help: 'Pipeline stage outcomes (completed, retry, failed, skipped)', labelNames: ['stage', 'outcome'], registers: r }),
    queueDepth: new Gauge({ name: 'scribe_queue_jobs', help: 'Jobs per queue and state', labelNames: ['queue', 'state'], registers: r }),
    queueOldestWaiting: new Gauge({ name: 'scribe_queue_oldest_waiting_seconds', help: 'Age of the oldest waiting job', labelNames: ['queue'], registers: r }),
    queueWait: new Histogram({ name: 'scribe_queue_wait_seconds', help: 'Time a job waited before a worker took it', labelNames: ['queue'], buckets: STAGE_BUCKETS, registers: r }),
    providerDuration: new Histogram({ name: 'scribe_provider_request_duration_seconds', help: 'Speech-to-text and LLM call latency', labelNames: ['provider', 'operation'], buckets: STAGE_BUCKETS, registers: r }),
    providerErrors: new Counter({ name: 'scribe_provider_errors_total', help: 'Provider errors by kind', labelNames: ['provider', 'kind'], registers: r }),
    drafts: new Counter({ name: 'scribe_drafts_total', help: 'Notes drafted, by engine', labelNames: ['engine'], registers: r }),
    draftLatency: new Histogram({ name: 'scribe_draft_latency_seconds', help: 'Drafting and coding time per note', labelNames: ['engine'], buckets: DRAFT_BUCKETS, registers: r }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
