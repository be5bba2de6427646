/** Counts work in progress and lets shutdown wait for it to reach zero. */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  get size(): number {
    return this.count;
  }
  begin(): () => void {
    this.count += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.count -= 1;
      if (this.count === 0) for (const w of this.waiters.splice(0)) w();
    };
  }
  /** Counts `work` until it settles; returns it as it is. */
  track<T>(work: Promise<T>): Promise<T> {
    void work.finally(this.begin()).catch(() => undefined);
    return work;
  }
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.track(work());
  }
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((done) => this.waiters.push(done));
  }
}
