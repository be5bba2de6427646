import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { extractArticle } from '../../src/ingest/extract.js';
import type { Answer, Conversation } from '../../src/queries/command.js';
import { createCore, type WhosaidData } from '../../src/queries/index.js';
import { renderPlain } from '../../src/replies/plain.js';
import { fixtureLibrary } from '../support/fixtures.js';

const conv: Conversation = { platform: 'console', channelId: 'c1', userId: 'u1', canManageChannel: true };

// An unnamed source and a quote nobody is said to have said: answers must say so, never guess.
const article = extractArticle({
  id: 'harbour-fire',
  headline: 'Fire at the harbour',
  publishedAt: '2026-01-10',
  paragraphs: [
    'A fire broke out at the harbour warehouse on Friday night. Fire chief Nora Hale said crews arrived within minutes.',
    'An eyewitness said the flames were visible from the bridge. “The whole roof went up like paper,” she said.',
    'Harbour traders gathered on the quay on Saturday.',
    '“Nobody ever checked the wiring.”',
  ],
});

async function ask(text: string) {
  const core = createCore({
    library: fixtureLibrary([article]),
    clock: fixedClock('2026-01-11T09:00:00Z'),
    timeZone: 'UTC',
  });
  return (await core.handle(core.route(text), conv)) as Answer<WhosaidData>;
}

describe('answers label unnamed and unclear speakers', () => {
  it('the extractor keeps the unnamed source’s description and leaves the bare quote unclear', () => {
    expect(article.quotes.map((q) => [q.speakerId, q.speakerDescription ?? null])).toEqual([
      [null, 'An eyewitness'],
      [null, null],
    ]);
  });
  it('who said: an unnamed source is shown as described, “(unnamed)”, in the summary, the data and the rendered reply', async () => {
    const a = await ask('who said "went up like paper"?');
    expect(a.reply.summary).toContain('An eyewitness (unnamed) said');
    expect(a.data.quotes[0]).toMatchObject({
      speaker: null,
      speakerDescription: 'An eyewitness',
      speakerLabel: 'An eyewitness (unnamed)',
    });
    expect(renderPlain(a.reply)).toContain('— An eyewitness (unnamed) [¶2]');
  });
  it('who said: a quote with no speaker is “speaker unclear”, never a nearby name', async () => {
    const a = await ask('who said "checked the wiring"?');
    expect(a.reply.summary).toContain('speaker unclear');
    expect(a.reply.summary).not.toContain('Nora Hale');
    expect(a.data.quotes[0]).toMatchObject({ speaker: null, speakerLabel: 'speaker unclear' });
    expect(renderPlain(a.reply)).toContain('— speaker unclear [¶4]');
  });
});
