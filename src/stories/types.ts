import type { Article, Event, EventKind, When } from '../model/article.js';

/** Stories: one real-world event as the briefings report it over time (see linking.ts and book.ts). */

export type StepKind =
  'announced' | 'date confirmed' | 'date refined' | 'moved' | 'postponed' | 'cancelled' | 'took place' | 'reported';

export interface Citation {
  articleId: string;
  paragraph: number;
  headline: string;
  publishedAt?: string;
}

export interface StoryStep {
  step: StepKind;
  /** The event's date as of this step. */
  when: When;
  /** For a move: the date it had before. */
  from?: When;
  location?: string;
  /** For "took place": the article's sentence on how it went. */
  outcome?: { text: string; paragraph: number };
  citation: Citation;
}

export interface StoryMention {
  article: Article;
  event: Event;
  /** Participants as library-wide person keys. */
  people: string[];
  /** The report's words refer back to a known event ("the planned visit", "called off"). */
  followUp?: boolean;
  /** The report's words move the date ("postponed", "rescheduled"). */
  moves?: boolean;
  /** For an event naming no one: the words of its title and sentence that say what it is about (see topicWords). */
  topics?: Set<string>;
  /** For an event naming no one: the capitalised words of its sentence, lower case (a surname the people layer did not take for a person). */
  names?: Set<string>;
}

/** Where the story stands, whatever the clock says: to come (pending), or settled. */
export type StoryState = 'pending' | 'took place' | 'cancelled' | 'postponed';

export interface Story {
  /** The first report's article and event: stable while that report stays in the library. */
  id: string;
  kind: EventKind;
  title: string;
  /** Person keys and display names, in the order the reports named them. */
  people: { key: string; name: string }[];
  state: StoryState;
  when: When;
  location?: string;
  history: StoryStep[];
  mentions: StoryMention[];
  /** The report behind the current date (or state). */
  latest: StoryMention;
  origin: StoryMention;
  /** Set when a front-matter pin fixed the date. */
  confirmed: boolean;
  /** Lower-case words of the title, people, aliases, place and sentences, for "/meeting <words>" (see StoryBook.words). */
  words?: Set<string>;
  /** Start and end of the story's date in ms (UTC days, with slack); NaN when undated. */
  startMs: number;
  endMs: number;
  /** The latest of the last report's day and the story's end (see recency). */
  recentMs: number;
}
