import type { ReplyDocument } from '../replies/document.js';

/** What a platform can show, so callers need not know which platform they talk to. */
export interface AdapterCapabilities {
  /** Replies only the asker sees (Slack ephemeral responses, Discord ephemeral interactions). */
  ephemeral: boolean;
  /** Buttons on replies (Post to channel). */
  buttons: boolean;
  /** Answers to mentions go in a thread. */
  threads: boolean;
  /** Live suggestions while typing a command option. */
  autocomplete: boolean;
}

/** The one interface both chat adapters implement (as the Chat SDK adapters do). */
export interface ChatAdapter {
  readonly platform: 'slack' | 'discord';
  readonly capabilities: AdapterCapabilities;
  /** Resolves once the platform can reach the bot (token checked, connection open). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Posts a reply to a channel, publicly and without buttons; resolves with the first message's id. */
  post(channel: string, reply: ReplyDocument): Promise<string | undefined>;
}
