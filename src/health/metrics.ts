/**
 * A small metrics registry in the Prometheus text exposition format (version 0.0.4): counters,
 * gauges (set, or read when scraped) and histograms, with labels. Written here rather than with
 * prom-client: briefbot needs a dozen series and the format is a few lines; prom-client would add
 * default process collectors and a global registry for nothing.
 */

export type Labels = Record<string, string>;

interface Series<V> {
  labels: Labels;
  value: V;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const escapeHelp = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels);
  if (extra) pairs.push(extra);
  if (pairs.length === 0) return '';
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

const keyOf = (labels: Labels): string =>
  Object.keys(labels)
    .sort()
    .map((k) => `${k}\u0000${labels[k]}`)
    .join('\u0001');

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

abstract class Metric<V> {
  protected readonly series = new Map<string, Series<V>>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
  ) {}
  protected entry(labels: Labels, initial: () => V): Series<V> {
    const key = keyOf(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { labels: { ...labels }, value: initial() };
      this.series.set(key, s);
    }
    return s;
  }
  header(): string[] {
    return [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`];
  }
  abstract lines(): string[];
}

export class Counter extends Metric<number> {
  constructor(name: string, help: string) {
    super(name, help, 'counter');
  }
  inc(labels: Labels = {}, by = 1): void {
    this.entry(labels, () => 0).value += by;
  }
  get(labels: Labels = {}): number {
    return this.series.get(keyOf(labels))?.value ?? 0;
  }
  lines(): string[] {
    return [...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${formatNumber(s.value)}`);
  }
}

export class Gauge extends Metric<number> {
  constructor(
    name: string,
    help: string,
    /** Read when scraped instead of set: [labels, value] pairs. */
    private readonly collect?: () => [Labels, number][],
  ) {
    super(name, help, 'gauge');
  }
  set(labels: Labels, value: number): void {
    this.entry(labels, () => 0).value = value;
  }
  lines(): string[] {
    if (this.collect) {
      try {
        for (const [labels, value] of this.collect()) this.set(labels, value);
      } catch {
        // A collector that fails (a closed store) reports nothing new rather than breaking the scrape.
      }
    }
    return [...this.series.values()].map((s) => `${this.name}${labelText(s.labels)} ${formatNumber(s.value)}`);
  }
}

export class Histogram extends Metric<{ buckets: number[]; sum: number; count: number }> {
  constructor(
    name: string,
    help: string,
    private readonly bounds: number[],
  ) {
    super(name, help, 'histogram');
  }
  observe(labels: Labels, value: number): void {
    const s = this.entry(labels, () => ({ buckets: new Array(this.bounds.length).fill(0), sum: 0, count: 0 })).value;
    for (let i = 0; i < this.bounds.length; i++) if (value <= this.bounds[i]!) s.buckets[i]! += 1;
    s.sum += value;
    s.count += 1;
  }
  lines(): string[] {
    const out: string[] = [];
    for (const s of this.series.values()) {
      this.bounds.forEach((b, i) =>
        out.push(`${this.name}_bucket${labelText(s.labels, ['le', formatNumber(b)])} ${s.value.buckets[i]}`),
      );
      out.push(`${this.name}_bucket${labelText(s.labels, ['le', '+Inf'])} ${s.value.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${formatNumber(s.value.sum)}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.value.count}`);
    }
    return out;
  }
}

export class MetricsRegistry {
  private readonly metrics = new Map<string, Metric<unknown>>();

  private add<M extends Metric<unknown>>(metric: M): M {
    if (this.metrics.has(metric.name)) throw new Error(`metric ${metric.name} is registered twice`);
    this.metrics.set(metric.name, metric as Metric<unknown>);
    return metric;
  }
  counter(name: string, help: string): Counter {
    return this.add(new Counter(name, help));
  }
  gauge(name: string, help: string, collect?: () => [Labels, number][]): Gauge {
    return this.add(new Gauge(name, help, collect));
  }
  histogram(name: string, help: string, bounds: number[]): Histogram {
    return this.add(
      new Histogram(
        name,
        help,
        [...bounds].sort((a, b) => a - b),
      ),
    );
  }

  /** Every metric in the text exposition format. */
  render(): string {
    const out: string[] = [];
    for (const m of this.metrics.values()) out.push(...m.header(), ...m.lines());
    return `${out.join('\n')}\n`;
  }
}
