export { createLogger, redactLogObject, REDACTED_KEYS, type Logger, type CreateLoggerOptions } from './logger.ts';
export { runReadiness, type ReadinessCheck, type ReadinessReport } from './readiness.ts';
export { createMetrics, type Metrics } from './metrics.ts';
export { createShutdown, onShutdownSignals, type ShutdownOptions, type ShutdownStep } from './shutdown.ts';
