export { HealthChecks, type CheckResult, type Readiness } from './readiness.js';
export { BotMetrics, type Platform } from './bot-metrics.js';
export { MetricsRegistry, Counter, Gauge, Histogram, type Labels } from './metrics.js';
export { startHealthServer, type HealthServer } from './server.js';
