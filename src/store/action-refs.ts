import type { Command } from '../queries/command.js';
import type { ActionRef, ActionRefStore } from '../queries/sharing.js';
import type { Store } from './store.js';

interface RawRef {
  id: string;
  platform: ActionRef['platform'];
  channel: string;
  user_id: string;
  command: string;
  created_at: number;
  expires_at: number;
}

/** Post-to-channel references in the store, so buttons keep working across a restart (until they expire). */
export function storeActionRefs(store: Store): ActionRefStore {
  const db = store.db;
  const insert = db.prepare(
    'INSERT OR REPLACE INTO action_refs (id, platform, channel, user_id, command, created_at, expires_at) VALUES ' +
      '(?, ?, ?, ?, ?, ?, ?)',
  );
  const get = db.prepare('SELECT * FROM action_refs WHERE id = ?');
  const claim = db.prepare('INSERT OR IGNORE INTO action_posts (ref_id, channel, posted_at) VALUES (?, ?, ?)');
  const release = db.prepare('DELETE FROM action_posts WHERE ref_id = ? AND channel = ?');
  const pruneRefs = db.prepare('DELETE FROM action_refs WHERE expires_at <= ?');
  const prunePosts = db.prepare('DELETE FROM action_posts WHERE ref_id NOT IN (SELECT id FROM action_refs)');
  const prune = db.transaction((now: number) => {
    pruneRefs.run(now);
    prunePosts.run();
  });
  return {
    insert(ref) {
      insert.run(
        ref.id,
        ref.platform,
        ref.channelId,
        ref.userId,
        JSON.stringify(ref.command),
        ref.createdAt,
        ref.expiresAt,
      );
    },
    get(id) {
      const r = get.get(id) as RawRef | undefined;
      if (!r) return undefined;
      let command: Command;
      try {
        command = JSON.parse(r.command) as Command;
      } catch {
        return undefined;
      }
      return {
        id: r.id,
        platform: r.platform,
        channelId: r.channel,
        userId: r.user_id,
        command,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
      };
    },
    claimPost(id, channel, at) {
      return claim.run(id, channel, at).changes > 0;
    },
    releasePost(id, channel) {
      release.run(id, channel);
    },
    prune(now) {
      prune(now);
    },
  };
}
