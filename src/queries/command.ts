import type { ReplyDocument } from '../replies/document.js';

/** What the user asked for, whatever platform or phrasing it came from. */
export type Command =
  | { name: 'summary'; length: 'short' | 'full'; article?: string; public?: boolean }
  | { name: 'whosaid'; person?: string; phrase?: string }
  | { name: 'person'; person: string }
  | {
      name: 'event';
      /** The words after "/meeting": each must name the event (a person, a place, a word of its title). */
      query?: string;
      /** Structured filters (plain-English routing): kinds of event, a person, and words that rank, not filter. */
      kinds?: string[];
      person?: string;
      words?: string[];
    }
  | { name: 'subscribe'; schedule: string; timeZone?: string; kind?: 'briefing' | 'digest' | 'reminder' }
  | { name: 'unsubscribe'; id?: string }
  | { name: 'subscriptions' }
  | { name: 'help'; topic?: string }
  | { name: 'unknown'; text: string };

export type Intent = 'summary' | 'whosaid' | 'person' | 'event' | 'help' | 'unknown' | 'subscription';

/** Where a command came from: the adapters fill this in; the core decides with it. */
export interface Conversation {
  platform: 'slack' | 'discord' | 'console';
  channelId: string;
  userId: string;
  /** Slack: not a guest; Discord: Manage Channels. Gates subscription changes. */
  canManageChannel: boolean;
  isDirect?: boolean;
}

/** A core answer: the reply to render plus the data behind it (the `ask --json` contract). */
export interface Answer<D = unknown> {
  intent: Intent;
  reply: ReplyDocument;
  data: D;
}
