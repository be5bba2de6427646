import { readdirSync, realpathSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { FileStamp } from './cache.js';
import { isArticleFile, readBriefing, stampOf } from './briefing-files.js';

/** Whether the folder is being watched: false when it is gone or the watcher failed. */
export interface WatchStatus {
  ok: boolean;
  problem?: string;
}

/** What the watch needs of the library it keeps in step with the folder. */
export interface WatchHost {
  logger?: {
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
    error?(obj: object, msg?: string): void;
  };
  /** The folder's real path (links inside it are resolved against it). */
  root(): string;
  setRoot(real: string): void;
  /** Files the library serves or reports an error for. */
  knownFiles(): Iterable<string>;
  knows(file: string): boolean;
  /** Applies a read of one file (added, updated, removed, or an error). */
  apply(file: string, read: ReturnType<typeof readBriefing>): Promise<unknown>;
}

/** Follows a briefings folder: its files' changes, and the folder itself going and coming back. */
export class FolderWatch {
  private watcher?: FSWatcher;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private pending = Promise.resolve();
  /** The folder being watched, by identity: a folder replaced under the same name is another one. */
  private folderId?: { dev: number; ino: number };
  private folderTimer?: NodeJS.Timeout;
  private watching = false;
  private watchProblem?: string;
  /** Files with a write (not only a rename) since they were last read. */
  private readonly written = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly host: WatchHost,
    private readonly timing: { debounceMs: number; settleMs: number; folderCheckMs: number },
  ) {}

  /**
   * Watches the folder and reloads a file shortly after it changes, is added or removed. A file
   * written in place is read once it has settled (settleMs without a change); one renamed in is
   * read at once. The folder itself is checked every folderCheckMs: deleted, it is reported;
   * replaced (or back), the new folder is watched and read.
   */
  watch(changedAtLoad: () => string[]): void {
    if (this.watching) return;
    this.watching = true;
    this.attach();
    this.folderTimer = setInterval(() => this.checkFolder(), this.timing.folderCheckMs);
    this.folderTimer.unref();
    for (const file of changedAtLoad()) this.settle(file, true);
  }

  /** Whether new and edited briefings are being picked up. */
  status(): WatchStatus {
    if (!this.watching) return { ok: false, problem: 'the briefings folder is not being watched' };
    return this.watcher && !this.watchProblem
      ? { ok: true }
      : { ok: false, problem: this.watchProblem ?? 'the briefings folder is not being watched' };
  }

  private attach(): boolean {
    try {
      const info = statSync(this.dir);
      if (!info.isDirectory()) throw new Error('not a folder');
      this.host.setRoot(realpathSync(this.dir));
      const watcher = watch(this.dir, { persistent: false }, (event, name) => this.onFolderEvent(event, name));
      watcher.on('error', (error) => {
        if (this.watcher === watcher) this.detach(`the briefings watcher failed (${error.message}); retrying`);
      });
      this.watcher = watcher;
      this.folderId = { dev: info.dev, ino: info.ino };
      this.watchProblem = undefined;
      return true;
    } catch (error) {
      this.detach(`cannot watch the briefings folder: ${(error as Error).message}`);
      return false;
    }
  }

  private detach(problem: string): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.watchProblem !== problem) {
      const log = this.host.logger?.error ?? this.host.logger?.warn;
      log?.call(this.host.logger, { dir: this.dir, problem }, `briefings folder ${this.dir}: ${problem}`);
    }
    this.watchProblem = problem;
  }

  private checkFolder(): void {
    const info = statSync(this.dir, { throwIfNoEntry: false });
    if (!info || !info.isDirectory()) {
      this.detach('the folder is gone: new and edited briefings are not picked up until it is back');
      return;
    }
    if (this.watcher && this.folderId && info.ino === this.folderId.ino && info.dev === this.folderId.dev) return;
    // Back, or replaced by another folder under the same name: watch that one and read what it holds.
    this.watcher?.close();
    this.watcher = undefined;
    if (!this.attach()) return;
    this.host.logger?.info(
      { dir: this.dir },
      'briefings folder replaced or back: watching it again and reading its files',
    );
    this.rescan();
  }

  /** After the folder was replaced: files gone from it are removed, the others read once settled. */
  private rescan(): void {
    let present: Set<string>;
    try {
      present = new Set(
        readdirSync(this.dir)
          .map((name) => join(this.dir, name))
          .filter(isArticleFile),
      );
    } catch {
      return;
    }
    for (const file of new Set(this.host.knownFiles())) {
      if (file !== this.dir && !present.has(file)) this.queueReload(file);
    }
    for (const file of present) this.settle(file, true);
  }

  private onFolderEvent(event: string, name: string | Buffer | null): void {
    if (!name) return;
    const file = join(this.dir, String(name));
    // A file the library knows is followed even when it is gone (a deleted .txt no longer reads as an article).
    if (!this.host.knows(file) && !isArticleFile(file)) return;
    // 'change' is a write to the file; a file that only saw 'rename' (created by a rename, or deleted) is complete.
    if (event === 'change') this.written.add(file);
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        this.settle(file, this.written.has(file));
      }, this.timing.debounceMs),
    );
  }

  /** Reads a file once its size and mtime have held still for settleMs (at once when it was not written in place). */
  private settle(file: string, written: boolean): void {
    if (!written) return this.queueReload(file);
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info || !info.isFile()) return this.queueReload(file);
    const quietMs = Date.now() - info.mtimeMs;
    if (quietMs >= this.timing.settleMs) return this.queueReload(file, stampOf(info));
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(
        () => {
          this.timers.delete(file);
          this.settle(file, true);
        },
        this.timing.settleMs - quietMs + 5,
      ),
    );
  }

  queueReload(file: string, settled?: FileStamp): void {
    this.pending = this.pending
      .then(() => this.reloadSettled(file, settled))
      .catch((error: unknown) => this.host.logger?.warn({ err: error, file }, 'briefing reload failed'));
  }

  private async reloadSettled(file: string, settled?: FileStamp): Promise<void> {
    const read = readBriefing(file, this.host.root());
    if (settled && 'stamp' in read) {
      const after = statSync(file, { throwIfNoEntry: false });
      const same = (x: { size: number; mtimeMs: number } | undefined) =>
        !!x && x.size === settled.size && x.mtimeMs === settled.mtimeMs;
      // Written again since it settled, or while it was being read: wait for it to settle again.
      if (!same(read.stamp) || !same(after)) return this.settle(file, true);
    }
    this.written.delete(file);
    await this.host.apply(file, read);
  }

  /** Resolves once queued reloads are done. */
  async settled(): Promise<void> {
    await this.pending;
  }

  stop(): void {
    this.watching = false;
    clearInterval(this.folderTimer);
    this.folderTimer = undefined;
    this.watcher?.close();
    this.watcher = undefined;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
