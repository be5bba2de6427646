import type { Answer, Command, Conversation } from './command.js';

/**
 * The one entry point every front end (Slack, Discord, console, scheduler) talks to.
 * Adapters translate platform events into `Command`s and render the `Answer`'s reply.
 */
export interface Core {
  /** Plain English or slash-command text → a command. `commandName` is the slash command used, if any. */
  route(text: string, commandName?: 'brief' | 'whosaid' | 'meeting'): Command;
  handle(command: Command, conversation: Conversation): Promise<Answer>;
  /** Speakers whose name or alias starts with / contains the prefix, for autocomplete (≤ limit). */
  suggestPeople(prefix: string, limit: number): { name: string; value: string }[];
  /** Articles matching the prefix (id or headline words), for autocomplete. */
  suggestArticles(prefix: string, limit: number): { name: string; value: string }[];
}

/** Chat-managed subscriptions, implemented by the scheduler and plugged into the core. */
export interface SubscriptionService {
  subscribe(c: Extract<Command, { name: 'subscribe' }>, conv: Conversation): Promise<Answer>;
  unsubscribe(c: Extract<Command, { name: 'unsubscribe' }>, conv: Conversation): Promise<Answer>;
  list(conv: Conversation): Promise<Answer>;
}
