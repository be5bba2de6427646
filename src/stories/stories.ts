/**
 * Stories: one real-world event as the briefings report it over time. An event of a later
 * briefing joins the story of an earlier one when it is the same happening (linking.ts); each
 * report becomes a step of the story's history, with its citation. The book of a library's
 * stories is kept up to date one change at a time (book.ts).
 */
export type { Citation, StepKind, Story, StoryMention, StoryState, StoryStep } from './types.js';
export { storyEndMs, storyStartMs } from './linking.js';
export { StoryBook } from './book.js';
