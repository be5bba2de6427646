import type { ReplyDocument } from '../replies/document.js';

/** What the user asked for, whatever platform or phrasing it came from. */
/** Slots a follow-up question leaves to the conversation ("what else did he say?", "when is that?"). */
export type Reference = 'person' | 'article' | 'event' | 'topic';

export type Command =
  | { name: 'summary'; length: 'short' | 'full'; article?: string; public?: boolean; refers?: Reference[] }
  /**
   * `about`: rank (and keep) the person's lines by these words; `check`: a yes/no question
   * ("did X say anything about Y?").
   */
  | { name: 'whosaid'; person?: string; phrase?: string; about?: string; check?: boolean; refers?: Reference[] }
  | { name: 'person'; person: string; refers?: Reference[] }
  /**
   * `query`: words that must match an event (names, places); `kinds`: the event kinds asked about
   * ("vote", "hearing", "meeting", "death"…); `person`: who takes part; `words`: other event words
   * of the question; `ask`: what is asked (when, whether it happened, how long until, where).
   */
  | {
      name: 'event';
      query?: string;
      kinds?: string[];
      person?: string;
      words?: string[];
      ask?: 'when' | 'status' | 'countdown' | 'where';
      refers?: Reference[];
    }
  /** "who talked about Y", "anyone mention Y", "who criticised Y". */
  | { name: 'topic'; topic: string; stance?: 'criticism' | 'support'; refers?: Reference[] }
  /** "catch me up", "what's new", "what happened this week": one line per story, newest first. */
  | { name: 'catchup'; since?: string; until?: string; period?: string }
  /** A question no intent fits: answered from the most relevant sentences, with citations. */
  | { name: 'search'; text: string }
  /** "and Ushakov?": the previous question again with a new subject. */
  | { name: 'followup'; subject: string }
  | { name: 'subscribe'; schedule: string; timeZone?: string; kind?: 'briefing' | 'digest' | 'reminder' }
  | { name: 'unsubscribe'; id?: string }
  | { name: 'subscriptions' }
  | { name: 'help'; topic?: string }
  | { name: 'unknown'; text: string };

export type Intent =
  'summary' | 'whosaid' | 'person' | 'event' | 'help' | 'unknown' | 'subscription' | 'topic' | 'catchup' | 'search';

/** Where a command came from: the adapters fill this in; the core decides with it. */
export interface Conversation {
  platform: 'slack' | 'discord' | 'console';
  channelId: string;
  userId: string;
  /** Slack: not a guest; Discord: Manage Channels. Gates subscription changes. */
  canManageChannel: boolean;
  isDirect?: boolean;
  /**
   * The conversation a message belongs to (a Slack thread, a Discord thread, a DM, the console):
   * follow-up questions ("what else did he say?") reuse the previous question's subject per key.
   * Absent (slash commands, scheduled posts): no follow-ups.
   */
  conversationKey?: string;
}

/** A core answer: the reply to render plus the data behind it (the `ask --json` contract). */
export interface Answer<D = unknown> {
  intent: Intent;
  reply: ReplyDocument;
  data: D;
}
