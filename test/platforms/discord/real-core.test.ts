/**
 * End to end with everything real: the repo's briefings/ through the extractor and Library, the
 * real createCore, the real discord.js client, and the fake Discord on loopback.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { extractArticle } from '../../../src/ingest/extract.js';
import { createDeriver } from '../../../src/library/deriver.js';
import { Library } from '../../../src/library/library.js';
import { startDiscord, type DiscordHandle } from '../../../src/platforms/discord/index.js';
import { createCore } from '../../../src/queries/index.js';
import { testGuard } from '../../support/limits.js';
import { DiscordStub, opt } from '../../support/discord-stub.js';

const BRIEFINGS = fileURLToPath(new URL('../../../briefings', import.meta.url));
const silent = { debug() {}, info() {}, warn() {}, error() {} };
let stub: DiscordStub;
let bot: DiscordHandle;

beforeAll(async () => {
  const clock = fixedClock('2025-11-26T12:00:00Z');
  const library = await new Library({ dir: BRIEFINGS, derive: createDeriver(extractArticle) }).load();
  expect(library.errors()).toEqual([]);
  stub = await DiscordStub.start();
  bot = await startDiscord({
    core: createCore({ library, clock, timeZone: 'Europe/London' }),
    token: 'real-core-token',
    logger: silent,
    clock,
    restApi: stub.restApi,
    restOptions: { globalRequestsPerSecond: 1e6 },
    guard: testGuard({}, clock),
  });
});

afterAll(async () => {
  await bot?.stop();
  await stub?.stop();
});

describe('discord over the real core and the seed briefing', () => {
  it('/whosaid person:Witkoff lists his quotes ephemerally, and the button posts them publicly', async () => {
    const { id } = stub.command('whosaid', [opt('person', 'Witkoff')]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.data.flags & 64).toBe(64);
    const embed = cb.body.data.embeds[0];
    expect(embed.title).toContain('Steve Witkoff');
    expect(embed.description).toContain('man of peace');
    expect(embed.description).toMatch(/\*\(¶\d+\)\*/);
    const button = cb.body.data.components[0].components[0];
    const press = stub.button(button.custom_id);
    const posted = await stub.waitForCallback(press.id);
    expect((posted.body.data.flags ?? 0) & 64).toBe(0);
    expect(posted.body.data.embeds[0].description).toContain('man of peace');
    expect(posted.body.data.components ?? []).toEqual([]);
  });

  it('/brief for an article that does not exist tells only the asker, with no button (as on Slack)', async () => {
    const { id } = stub.command('brief', [opt('article', 'qqzzxv')]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(JSON.stringify(cb.body.data.embeds)).toContain('No briefing matches');
    expect(cb.body.data.components ?? []).toEqual([]);
  });

  it('/whosaid phrase:"man of peace" names Witkoff', async () => {
    const { id } = stub.command('whosaid', [opt('phrase', 'man of peace')]);
    const cb = await stub.waitForCallback(id);
    expect(JSON.stringify(cb.body.data.embeds)).toContain('Steve Witkoff');
  });

  it('autocomplete on person offers Steve Witkoff for "wit"', async () => {
    const { id } = stub.autocomplete('whosaid', [opt('person', 'wit', true)]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.type).toBe(8);
    expect(cb.body.data.choices.some((c: { name: string }) => c.name.includes('Steve Witkoff'))).toBe(true);
  });

  it('/brief is public and carries the headline', async () => {
    const { id } = stub.command('brief', [opt('length', 'full')]);
    const cb = await stub.waitForCallback(id);
    expect((cb.body.data.flags ?? 0) & 64).toBe(0);
    expect(cb.body.data.embeds[0].title).toContain('Russia denies leaking Witkoff call');
  });

  it("a button carrying the core's summary value instead of a reference posts nothing", async () => {
    const press = stub.button('bb:post_to_channel:summary:short:russia-denies-leaking-witkoff-call');
    const cb = await stub.waitForCallback(press.id);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(cb.body.data.content).toMatch(/run the command again/);
    expect(cb.body.data.embeds ?? []).toEqual([]);
  });

  it('/meeting shows the Witkoff visit as the week of 1 December, never a single day', async () => {
    const { id } = stub.command('meeting');
    const cb = await stub.waitForCallback(id);
    const text = JSON.stringify(cb.body.data.embeds);
    expect(text).toContain(`the week of <t:${Date.UTC(2025, 11, 1, 12) / 1000}:D>`);
    expect(text).not.toMatch(/<t:\d+:[FfRtT]>/);
  });

  it('a mention asking who said "man of peace" is answered in a thread', async () => {
    const m = stub.mention('who said "man of peace"?');
    const sent = await stub.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        /\/channels\/\d+\/messages$/.test(r.path) &&
        JSON.stringify(r.body).includes('Steve Witkoff'),
    );
    expect(stub.threads.some((t) => t.messageId === m.id)).toBe(true);
    expect(sent.body.allowed_mentions.parse).toEqual([]);
  });
});
