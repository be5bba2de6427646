import { describe, expect, it } from 'vitest';
import { HealthChecks, MetricsRegistry } from '../../src/health/index.js';

describe('Prometheus text format', () => {
  it('counters, collected gauges and cumulative histogram buckets, with labels escaped', () => {
    const r = new MetricsRegistry();
    const c = r.counter('t_total', 'A counter.\nSecond line');
    c.inc({ intent: 'who"said\\' });
    c.inc({ intent: 'who"said\\' }, 2);
    r.gauge('t_depth', 'Collected.', () => [[{}, 7]]);
    const h = r.histogram('t_seconds', 'Latency.', [0.1, 0.01, 1]);
    h.observe({ intent: 'x' }, 0.005);
    h.observe({ intent: 'x' }, 0.5);
    h.observe({ intent: 'x' }, 3);
    expect(r.render()).toBe(
      [
        '# HELP t_total A counter.\\nSecond line',
        '# TYPE t_total counter',
        't_total{intent="who\\"said\\\\"} 3',
        '# HELP t_depth Collected.',
        '# TYPE t_depth gauge',
        't_depth 7',
        '# HELP t_seconds Latency.',
        '# TYPE t_seconds histogram',
        't_seconds_bucket{intent="x",le="0.01"} 1',
        't_seconds_bucket{intent="x",le="0.1"} 1',
        't_seconds_bucket{intent="x",le="1"} 2',
        't_seconds_bucket{intent="x",le="+Inf"} 3',
        't_seconds_sum{intent="x"} 3.505',
        't_seconds_count{intent="x"} 3',
        '',
      ].join('\n'),
    );
    expect(() => r.counter('t_total', 'again')).toThrow(/registered twice/);
  });

  it('readiness is green only when every check is; a check that throws is a red check, not a crash', () => {
    const checks = new HealthChecks();
    checks.add('a', () => ({ ok: true }));
    expect(checks.evaluate().ok).toBe(true);
    checks.add('b', () => {
      throw new Error('boom');
    });
    expect(checks.evaluate()).toEqual({
      ok: false,
      checks: { a: { ok: true }, b: { ok: false, detail: 'the check failed: boom' } },
    });
  });
});
