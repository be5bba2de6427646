import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { createCore, postActionValue, routeText } from '../../src/queries/index.js';
import { fixtureLibrary, seedArticle } from '../support/fixtures.js';

const conversation = { platform: 'slack' as const, channelId: 'C1', userId: 'U1', canManageChannel: false };

describe("the core's Post-to-channel value routed as text", () => {
  const library = fixtureLibrary();
  const core = createCore({ library, clock: fixedClock('2025-11-26T12:00:00Z'), timeZone: 'UTC' });
  const id = seedArticle().id;

  it.each(['short', 'full'] as const)('summary:%s:<id> round-trips to the same article and length', async (length) => {
    const value = postActionValue(length, id);
    expect(core.route(value)).toEqual({ name: 'summary', length, article: id });
    const answer = await core.handle(core.route(value), conversation);
    expect(answer.intent).toBe('summary');
    expect((answer.data as { articleId: string | null }).articleId).toBe(id);
  });

  it('typed variants keep their meaning: "summary: full: <words>" does not keep a leading colon', () => {
    expect(routeText('summary: full: witkoff call')).toEqual({
      name: 'summary',
      length: 'full',
      article: 'witkoff call',
    });
    expect(routeText('summary full witkoff')).toEqual({ name: 'summary', length: 'full', article: 'witkoff' });
    expect(routeText('summary')).toEqual({ name: 'summary', length: 'short' });
  });

  it('a value that only looks like one is not trusted as an id', () => {
    const routed = routeText('summary:full:<!channel>');
    expect(routed.name).toBe('summary');
    expect((routed as { article?: string }).article).not.toMatch(/^:/);
  });
});
