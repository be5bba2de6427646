/**
 * Readiness: named checks that components register (library loaded, each platform connected,
 * store writable, watcher alive). /readyz is green only when every check is. A monitor evaluates
 * them every second and logs each change, so a failure is in the logs at once, not only when
 * something asks.
 */

export interface CheckResult {
  ok: boolean;
  /** Why not, or a short state ("1 article", "Socket Mode connected"). */
  detail?: string;
}

export interface Readiness {
  ok: boolean;
  checks: Record<string, CheckResult>;
}

interface MonitorLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export class HealthChecks {
  private readonly checks = new Map<string, () => CheckResult>();
  private last = new Map<string, boolean>();
  private timer?: NodeJS.Timeout;
  private readonly listeners: ((readiness: Readiness) => void)[] = [];

  /** Adds (or replaces) a check; it must be cheap and must not throw (a throw counts as a failure). */
  add(name: string, check: () => CheckResult): void {
    this.checks.set(name, check);
  }

  evaluate(): Readiness {
    const checks: Record<string, CheckResult> = {};
    let ok = true;
    for (const [name, check] of this.checks) {
      let result: CheckResult;
      try {
        result = check();
      } catch (error) {
        result = { ok: false, detail: `the check failed: ${(error as Error).message ?? String(error)}` };
      }
      checks[name] = result;
      ok &&= result.ok;
    }
    return { ok, checks };
  }

  /** Called with each evaluation of the monitor (metrics). */
  onEvaluate(listener: (readiness: Readiness) => void): void {
    this.listeners.push(listener);
  }

  /** Evaluates every `intervalMs`, logging each check that turns red (error) or green again (info). */
  monitor(logger: MonitorLogger, intervalMs = 1_000): void {
    this.stopMonitor();
    const tick = () => {
      const readiness = this.evaluate();
      for (const [name, result] of Object.entries(readiness.checks)) {
        const was = this.last.get(name);
        if (was !== result.ok) {
          if (!result.ok)
            logger.error({ check: name, detail: result.detail }, `not ready: ${name}: ${result.detail ?? 'failing'}`);
          else if (was === false) logger.info({ check: name, detail: result.detail }, `ready again: ${name}`);
        }
      }
      this.last = new Map(Object.entries(readiness.checks).map(([n, r]) => [n, r.ok]));
      for (const l of this.listeners) l(readiness);
    };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  stopMonitor(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
