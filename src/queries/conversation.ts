/**
 * What each conversation (a thread, a DM, the console) last talked about, so a follow-up such as
 * "what else did he say?", "and Ushakov?" or "when is that?" reuses the previous subject.
 * Bounded (least recently used conversations go first) and forgotten after an hour.
 */
import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock.js';
import type { Answer, Command } from './command.js';

export interface Subject {
  /** The previous question, resolved. */
  command: Command;
  person?: string;
  articleId?: string;
  event?: { title: string; participants: string[]; articleId: string };
  topic?: string;
  at: number;
}

const FOLLOW_UP_TTL_MS = 60 * 60_000;

export class ConversationMemory {
  private readonly entries: LRUCache<string, Subject>;

  constructor(
    private readonly clock: Clock,
    readonly capacity = 2_000,
    readonly ttlMs = FOLLOW_UP_TTL_MS,
  ) {
    this.entries = new LRUCache({ max: Math.max(1, capacity) });
  }

  get(key: string | undefined): Subject | undefined {
    if (!key) return undefined;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    // Age by the injected clock (lru-cache's own ttl reads the real one).
    if (this.clock.now().getTime() - hit.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return hit;
  }

  /** Remembers what an answer was about (keeping earlier subjects the answer did not replace). */
  remember(key: string | undefined, command: Command, answer: Answer): void {
    if (!key || this.capacity < 1) return;
    const previous = this.get(key);
    const subject: Subject = { ...previous, command, at: this.clock.now().getTime() };
    const data = answer.data as Record<string, unknown> | null;
    const person = (data?.['person'] as { name?: string } | null | undefined)?.name;
    if (person) subject.person = person;
    if (answer.intent === 'whosaid' && !person) {
      const quotes = (data?.['quotes'] as { speaker: string | null }[] | undefined) ?? [];
      const speakers = new Set(quotes.map((q) => q.speaker).filter(Boolean));
      if (speakers.size === 1) subject.person = [...speakers][0]!;
    }
    const articleId = (data?.['articleId'] as string | null | undefined) ?? undefined;
    if (articleId) subject.articleId = articleId;
    const event = data?.['event'] as { title: string; participants: string[]; articleId: string } | null | undefined;
    if (event) {
      subject.event = { title: event.title, participants: event.participants, articleId: event.articleId };
      subject.articleId = event.articleId;
    }
    const topic = (data?.['topic'] as string | undefined) ?? (data?.['about'] as { topic?: string } | undefined)?.topic;
    if (topic) subject.topic = topic;
    const firstQuote =
      ((data?.['quotes'] as { articleId: string }[] | undefined) ?? [])[0] ??
      ((data?.['lines'] as { articleId: string }[] | undefined) ?? [])[0];
    if (!articleId && !event && firstQuote) subject.articleId = firstQuote.articleId;
    this.entries.set(key, subject);
  }
}

/**
 * Fills a follow-up's missing slots from the conversation; undefined when the conversation has
 * nothing to offer (the caller then asks back).
 */
export function resolveReferences(command: Command, subject: Subject | undefined): Command | undefined {
  if (command.name === 'followup') {
    if (!subject) return undefined;
    const previous = subject.command;
    const s = command.subject;
    switch (previous.name) {
      case 'whosaid':
        return previous.phrase && !previous.person
          ? { name: 'whosaid', person: s }
          : { ...previous, person: s, phrase: undefined };
      case 'person':
        return { name: 'person', person: s };
      case 'event':
        return {
          name: 'event',
          query: s,
          person: s,
          ...(previous.kinds ? { kinds: previous.kinds } : {}),
          ...(previous.ask ? { ask: previous.ask } : {}),
        };
      case 'topic':
        return { ...previous, topic: s };
      case 'summary':
        return { ...previous, article: s };
      default:
        return { name: 'whosaid', person: s };
    }
  }
  if (!('refers' in command) || !command.refers?.length) return command;
  const { refers, ...rest } = command as Command & { refers?: string[] };
  const out = { ...rest } as Command;
  for (const r of refers ?? []) {
    if (r === 'person') {
      const person = subject?.person ?? subject?.event?.participants[0];
      if (!person) return undefined;
      if (out.name === 'whosaid' || out.name === 'person') out.person = person;
      else if (out.name === 'topic') out.topic = person;
    } else if (r === 'article') {
      if (!subject?.articleId) return undefined;
      if (out.name === 'summary') out.article = subject.articleId;
    } else if (r === 'event') {
      if (!subject) return undefined;
      if (out.name === 'event') {
        if (subject.event) {
          const who = subject.event.participants.join(' ');
          if (who) out.query = who;
          out.person = subject.event.participants[0];
        } else if (subject.person) {
          out.query = subject.person;
          out.person = subject.person;
        } else if (!subject.articleId) return undefined;
      }
    }
  }
  return out;
}
