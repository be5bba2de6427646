/*
 * Per-library indexes. Each is updated per article (add / remove) so a reload costs the size of
 * that article, never of the whole library, and every question is answered from an index.
 */
export { PeopleIndex, type PersonSummary } from './people-index.js';
export { SpeakerIndex, sayingParagraph, sayingText, type PhraseMatch, type Saying } from './speaker-index.js';
export { EventIndex, type IndexedEvent } from './event-index.js';
