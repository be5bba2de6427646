import { LRUCache } from 'lru-cache';
import type { Action } from '../../replies/document.js';

/**
 * Button custom_ids (≤ 100 chars) that carry what to recompute when pressed. A value that fits goes
 * in the id itself (it survives restarts); a longer one is kept in a bounded in-memory cache and the
 * id carries its key, so after a restart or eviction such a button says it has expired.
 */
const CUSTOM_ID_PREFIX = 'bb';
const MAX = 100;

export class CustomIds {
  private readonly long: LRUCache<string, string>;
  private next = 0;

  constructor(capacity = 1_000) {
    this.long = new LRUCache({ max: capacity });
  }

  encode(action: Pick<Action, 'id' | 'value'>): string {
    const inline = `${CUSTOM_ID_PREFIX}:${action.id}:${action.value}`;
    if (inline.length <= MAX) return inline;
    const key = (this.next++).toString(36);
    this.long.set(key, action.value);
    return `${CUSTOM_ID_PREFIX}#${action.id}#${key}`;
  }

  /** The action id and value, `expired` when the cache no longer holds it, undefined when not ours. */
  decode(customId: string): { id: string; value: string } | 'expired' | undefined {
    const inline = /^bb:([a-z_]+):([\s\S]*)$/.exec(customId);
    if (inline) return { id: inline[1]!, value: inline[2]! };
    const keyed = /^bb#([a-z_]+)#([0-9a-z]+)$/.exec(customId);
    if (!keyed) return undefined;
    const value = this.long.get(keyed[2]!);
    return value === undefined ? 'expired' : { id: keyed[1]!, value };
  }
}
