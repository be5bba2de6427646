import { expect } from 'vitest';
import { extractEvents } from '../../src/ingest/events.js';
import { Event, type Paragraph, type Person } from '../../src/model/article.js';

/** Helpers for event-rule tests on short texts, with the people given by hand. */

export function person(id: string, name: string, aliases: string[] = [], extra: Partial<Person> = {}): Person {
  return { id, name, aliases, type: 'person', gender: 'unknown', ...extra };
}

export function body(...texts: string[]): Paragraph[] {
  return texts.map((text, index) => ({ index, kind: 'body', text }));
}

/** The events of one or more paragraphs, each checked against the model schema. */
export function eventsOf(texts: string | string[], people: Person[], published: string): Event[] {
  const found = extractEvents(body(...(Array.isArray(texts) ? texts : [texts])), people, published);
  for (const e of found) expect(Event.parse(e)).toEqual(e);
  return found;
}

export type EventBrief = [string, string[], string | undefined, string | undefined, string | undefined];

/** kind, participants' names, location, start..end (or start), status. */
export function brief(e: Event): EventBrief {
  const when = e.when.start
    ? e.when.end && e.when.end !== e.when.start
      ? `${e.when.start}..${e.when.end}`
      : e.when.start
    : undefined;
  return [e.kind, e.participantNames ?? [], e.location, when, e.status];
}
