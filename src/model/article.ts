import { z } from 'zod';

/** A calendar date or instant as an ISO-8601 string (YYYY-MM-DD or full timestamp). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date');

export const ParagraphKind = z.enum(['body', 'caption', 'related', 'boilerplate']);
export const Paragraph = z.object({
  index: z.number().int().nonnegative(),
  kind: ParagraphKind,
  text: z.string(),
});

export const Person = z.object({
  /** Stable within an article: a slug of the full name, e.g. "yuri-ushakov". */
  id: z.string().min(1),
  name: z.string().min(1),
  /** Every other way the article refers to this person: surname, title + surname, role phrases. */
  aliases: z.array(z.string()),
  role: z.string().optional(),
  affiliation: z.string().optional(),
  /** "person" or "organization" (a ministry, a party, an office can be a speaker). */
  type: z.enum(['person', 'organization']).default('person'),
  gender: z.enum(['male', 'female', 'unknown']).default('unknown'),
  /** For an organisation: what kind ("group" of people, "document", "outlet"); absent for a plain organisation. */
  kind: z.enum(['group', 'document', 'outlet']).optional(),
});

const QuoteKind = z.enum(['full', 'partial']);
export const Quote = z.object({
  id: z.string().min(1),
  speakerId: z.string().nullable(),
  /** Exactly the characters between the quote marks, trimmed. */
  text: z.string().min(1),
  paragraph: z.number().int().nonnegative(),
  /** The attribution verb or phrase ("said", "told reporters", "according to"); empty when inherited. */
  cue: z.string(),
  kind: QuoteKind,
  /** How the speaker was found: beside the quote, subject of a speech verb, pronoun, role noun, continuation. */
  attribution: z.enum(['adjacent', 'subject', 'pronoun', 'role-noun', 'continuation', 'none']).default('none'),
  /**
   * The rule that attributed the quote, finer than `attribution` ("inverted verb", "colon
   * introduction", "passive by", "statement issuer", "previous sentence subject", …).
   */
  method: z.string().optional(),
  /**
   * How sure the attribution is, 0–1. A speaker is named only at 0.5 or more; below that the
   * speaker is left unclear (`speakerId` null) rather than guessed.
   */
  confidence: z.number().min(0).max(1).optional(),
  /**
   * For a speaker the article does not name: how it describes them ("an eyewitness", "one of the
   * children", "a banner"). Absent when the speaker is named or simply unclear.
   */
  speakerDescription: z.string().optional(),
});

export const Statement = z.object({
  speakerId: z.string(),
  text: z.string().min(1),
  paragraph: z.number().int().nonnegative(),
});

export const Precision = z.enum(['instant', 'day', 'week', 'month', 'unknown']);
export const When = z.object({
  /** The words of the article ("next week", "on Oct. 14"). */
  text: z.string(),
  precision: Precision,
  /** ISO start of the period (inclusive); absent when unknown. */
  start: IsoDate.optional(),
  /** ISO end of the period (inclusive day for day/week/month precision). */
  end: IsoDate.optional(),
});

/**
 * What happens. 'publication' and 'statement' are kinds of earlier extractor versions (a release,
 * a dated speech verb), still valid in cached or hand-made models; the extractor no longer makes them.
 */
export const EventKind = z.enum([
  'meeting',
  'call',
  'talks',
  'visit',
  'summit',
  'vote',
  'hearing',
  'trial',
  'sentencing',
  'election',
  'launch',
  'match',
  'deadline',
  'release',
  'conference',
  'speech',
  'other',
  'publication',
  'statement',
]);
/**
 * What the sentence says of the event. The extractor keeps declined, hypothetical and background
 * mentions out of `events`; they are in the enum so a status read from text always has a name.
 */
export const EventStatus = z.enum([
  'announced',
  'scheduled',
  'took place',
  'postponed',
  'cancelled',
  'declined',
  'hypothetical',
  'background',
]);
export const Event = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  kind: EventKind,
  /** Person ids. */
  participants: z.array(z.string()),
  location: z.string().optional(),
  when: When,
  paragraph: z.number().int().nonnegative(),
  /** True when a briefing's front matter pinned the date. */
  confirmed: z.boolean().default(false),
  /** As the article's sentence gives it; absent in models that predate it. */
  status: EventStatus.optional(),
  /** The participants' names, in the order of `participants` (the model read without its people list). */
  participantNames: z.array(z.string()).optional(),
  /** 0-based sentence of `paragraph` that dates the event (else its first mention), and its text. */
  sentence: z.number().int().nonnegative().optional(),
  text: z.string().optional(),
  /** For an event that took place: the article's sentence on how it went. */
  outcome: z.object({ text: z.string().min(1), paragraph: z.number().int().nonnegative() }).optional(),
});

export const SummaryPoint = z.object({
  text: z.string().min(1),
  paragraph: z.number().int().nonnegative(),
});

export const Article = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an article id is a lowercase slug'),
  headline: z.string().min(1),
  publishedAt: IsoDate.optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  paragraphs: z.array(Paragraph),
  people: z.array(Person),
  quotes: z.array(Quote),
  statements: z.array(Statement),
  events: z.array(Event),
  summary: z.object({ points: z.array(SummaryPoint) }),
});

export type ParagraphKind = z.infer<typeof ParagraphKind>;
export type Paragraph = z.infer<typeof Paragraph>;
export type Person = z.infer<typeof Person>;
export type Quote = z.infer<typeof Quote>;
export type QuoteKind = z.infer<typeof QuoteKind>;
export type Statement = z.infer<typeof Statement>;
export type Precision = z.infer<typeof Precision>;
export type When = z.infer<typeof When>;
export type EventKind = z.infer<typeof EventKind>;
export type EventStatus = z.infer<typeof EventStatus>;
export type Event = z.infer<typeof Event>;
export type SummaryPoint = z.infer<typeof SummaryPoint>;
export type Article = z.infer<typeof Article>;
