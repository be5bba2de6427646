import { appendFileSync, copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { main } from '../../src/cli.js';
import { deriveArticle } from '../../src/library/derive.js';
import { Library } from '../../src/library/library.js';
import { discordOutlet } from '../../src/platforms/discord/poster.js';
import { slackOutlet } from '../../src/platforms/slack/poster.js';
import { createCore, type EventData } from '../../src/queries/index.js';
import type { Conversation } from '../../src/queries/command.js';
import { renderPlain } from '../../src/replies/plain.js';
import { startScheduler } from '../../src/schedule/index.js';
import { DiscordStub } from '../support/discord-stub.js';
import { SEED_PATH } from '../support/fixtures.js';
import { SlackStub } from '../support/slack-stub.js';
import { config, tempStore } from '../schedule/helpers.js';

/**
 * The seed briefing and its follow-ups (test/corpus/stories), dropped into a briefings folder one
 * by one under an injected clock: /meeting, `briefbot ask --json` and the reminders and updates
 * the scheduler posts through the Slack and Discord stubs, at each step. The real extractor reads
 * every file; nothing is pinned in front matter.
 */

const ROOT = join(import.meta.dirname, '../..');
const STORIES = join(ROOT, 'test/corpus/stories');
const TZ = 'Europe/Berlin';
const SLACK_CHANNEL = 'C0NEWSROOM';
const conv: Conversation = { platform: 'console', channelId: 'c', userId: 'u', canManageChannel: false };

function movableClock(iso: string): Clock & { set(iso: string): void } {
  let at = new Date(iso).getTime();
  return { now: () => new Date(at), set: (s) => void (at = new Date(s).getTime()) };
}

let slack: SlackStub;
let discord: DiscordStub;
beforeAll(async () => {
  slack = await new SlackStub().start();
  discord = await DiscordStub.start();
});
afterAll(async () => {
  await slack.stop();
  await discord.stop();
});

/** A newsroom: a briefings folder, a library over it, a core, a store, and the reminder targets on both platforms. */
function newsroom() {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-stories-'));
  const library = new Library({ dir, derive: deriveArticle });
  const clock = movableClock('2025-11-27T10:00:00Z');
  const core = createCore({ library, clock, timeZone: TZ, answerCache: false });
  const { store, cleanup } = tempStore();
  const discordChannel = discord.guilds[0]!.textChannelId;
  const cfg = config({
    timeZone: TZ,
    reminders: {
      offsets: ['1d', '1h'],
      targets: [
        { platform: 'slack', channel: SLACK_CHANNEL },
        { platform: 'discord', channel: discordChannel },
      ],
    },
  });
  const posters = {
    slack: slackOutlet({ token: 'xoxb-test', apiUrl: slack.apiUrl, timeoutMs: 2_000 }),
    discord: discordOutlet({ token: 'discord-test', api: discord.restApi, timeoutMs: 2_000 }),
  };
  const slackBefore = slackPosts().length;
  const discordBefore = discord.channelMessages.filter((m) => m.channelId === discordChannel).length;
  return {
    dir,
    library,
    clock,
    async add(...names: string[]) {
      for (const name of names) {
        const from = name === 'seed' ? SEED_PATH : join(STORIES, name);
        const to = join(dir, name === 'seed' ? 'russia-denies-leaking-witkoff-call.md' : name);
        copyFileSync(from, to);
        const change = await library.reloadFile(to, false);
        expect(change.type, name).toBe('added');
      }
    },
    async meeting(query = '') {
      const answer = await core.handle(core.route(query, 'meeting'), conv);
      return { data: (answer.data as EventData).event, text: renderPlain(answer.reply) };
    },
    /** `briefbot ask --json` over the same folder at the same time. */
    async askJson(question: string) {
      let stdout = '';
      const code = await main(
        ['ask', '--json', '--now', clock.now().toISOString(), '--tz', TZ, '--briefings', dir, question],
        {
          stdout: { write: (s: string) => (stdout += s) },
          stderr: { write: () => undefined },
          env: {},
          cwd: ROOT,
          derive: deriveArticle,
        },
      );
      expect(code).toBe(0);
      return JSON.parse(stdout).data.event as EventData['event'];
    },
    /** The bot runs at the clock's time: catches up what fell due since its last run, posts, stops. */
    async runScheduler() {
      const running = await startScheduler({ config: cfg, store, posters, articles: () => library.articles(), clock });
      await running.idle();
      await running.stop();
    },
    posts() {
      return {
        slack: slackPosts()
          .slice(slackBefore)
          .map((c) => String(c.args.text)),
        discord: discord.channelMessages
          .filter((m) => m.channelId === discordChannel)
          .slice(discordBefore)
          .map((m) => JSON.stringify(m.body.embeds ?? m.body.content)),
      };
    },
    cleanup() {
      library.close();
      cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const slackPosts = () =>
  slack.callsTo('chat.postMessage').filter((c) => c.status === 200 && !c.fault && c.args.channel === SLACK_CHANNEL);

describe('a story: announced, date confirmed, moved, took place', () => {
  let room: ReturnType<typeof newsroom>;
  beforeAll(() => void (room = newsroom()));
  afterAll(() => room.cleanup());

  it('26 Nov: the seed announces the meeting for next week; a distractor shares one participant', async () => {
    await room.add('seed', 'x-witkoff-to-meet-zelensky-berlin.md');
    const { data, text } = await room.meeting();
    expect(data).toMatchObject({
      title: 'Witkoff–Putin meeting',
      status: 'upcoming',
      location: 'Russia',
      when: { precision: 'week', start: '2025-12-01', end: '2025-12-07' },
    });
    expect(data!.history.map((h) => h.step)).toEqual(['announced']);
    expect(text).toContain('Upcoming: next week, the week of 1 December 2025');
    // The Berlin meeting with Zelensky is its own story, not a refinement of the Putin meeting.
    const zelensky = await room.meeting('Zelensky');
    expect(zelensky.data).toMatchObject({
      title: 'Witkoff–Zelensky meeting',
      location: 'Berlin',
      when: { start: '2025-12-05' },
    });
    expect(zelensky.data!.story).not.toBe(data!.story);
    const json = await room.askJson('/meeting');
    expect(json).toMatchObject({ status: 'upcoming', title: 'Witkoff–Putin meeting' });
    expect(json!.history).toEqual([
      expect.objectContaining({
        step: 'announced',
        articleId: 'russia-denies-leaking-witkoff-call',
        paragraph: 17,
        reported: '2025-11-26',
      }),
    ]);
    await room.runScheduler();
    expect(room.posts().slack).toEqual([]);
  });

  it('28 Nov: the Kremlin confirms Tuesday 2 December at the Kremlin', async () => {
    await room.add('1-kremlin-confirms-witkoff-date.md');
    room.clock.set('2025-11-28T12:00:00Z');
    const { data, text } = await room.meeting();
    expect(data).toMatchObject({
      status: 'upcoming',
      location: 'the Kremlin',
      when: { precision: 'day', start: '2025-12-02' },
    });
    expect(data!.history.map((h) => [h.step, h.articleId, h.paragraph])).toEqual([
      ['announced', 'russia-denies-leaking-witkoff-call', 17],
      ['date confirmed', '1-kremlin-confirms-witkoff-date', 0],
    ]);
    expect(text).toContain(
      'Date confirmed: Tuesday 2 December 2025 (reported 28 November, ¶1 of Kremlin confirms date for Putin’s meeting with Witkoff).',
    );
    expect(text).toContain('Upcoming: Tuesday 2 December 2025; it is in 4 days.');
    const json = await room.askJson('/meeting');
    expect(json).toMatchObject({
      status: 'upcoming',
      when: { start: '2025-12-02', precision: 'day' },
      participants: ['Steve Witkoff', 'Vladimir Putin'],
    });
    expect(json!.history.map((h) => h.step)).toEqual(['announced', 'date confirmed']);
    await room.runScheduler();
    expect(room.posts().slack).toEqual([]);
  });

  it('1 Dec 09:01: the day-before reminder follows the confirmed date; the week-of reminder is gone', async () => {
    room.clock.set('2025-12-01T08:01:00Z');
    await room.runScheduler();
    const posts = room.posts();
    expect(posts.slack).toEqual(['Reminder: Witkoff–Putin meeting: tomorrow, Tuesday 2 December 2025']);
    expect(posts.discord).toHaveLength(1);
    expect(posts.discord[0]).toContain('Witkoff–Putin meeting');
    const { data, text } = await room.meeting('Putin');
    expect(data).toMatchObject({ status: 'upcoming', when: { start: '2025-12-02' } });
    expect(text).toContain('it is tomorrow');
    // A second run in the same minute (a restart) sends nothing again.
    await room.runScheduler();
    expect(room.posts().slack).toHaveLength(1);
    expect(room.posts().discord).toHaveLength(1);
  });

  it('1 Dec: postponed until January — "Moved to January 2026 (was: Tuesday 2 December 2025)"', async () => {
    await room.add('2-putin-witkoff-meeting-postponed.md');
    room.clock.set('2025-12-01T12:00:00Z');
    // The next meeting is now Witkoff's with Zelensky on 5 December; the Putin meeting has moved.
    expect((await room.meeting()).data).toMatchObject({
      title: 'Witkoff–Zelensky meeting',
      when: { start: '2025-12-05' },
    });
    const { data, text } = await room.meeting('Putin');
    expect(data).toMatchObject({
      status: 'upcoming',
      when: { precision: 'month', start: '2026-01-01', end: '2026-01-31' },
    });
    expect(text).toContain(
      'Moved to January 2026 (was: Tuesday 2 December 2025) (reported 1 December, ¶1 of Putin–Witkoff meeting postponed until January).',
    );
    const json = await room.askJson('when will Witkoff meet Putin?');
    expect(json!.history.map((h) => h.step)).toEqual(['announced', 'date confirmed', 'moved']);
    expect(json!.history[2]).toMatchObject({
      from: { start: '2025-12-02' },
      when: { start: '2026-01-01' },
      articleId: '2-putin-witkoff-meeting-postponed',
      paragraph: 0,
      reported: '2025-12-01',
    });
    // The day-of reminder for 2 December is dropped.
    room.clock.set('2025-12-02T08:01:00Z');
    await room.runScheduler();
    expect(room.posts().slack).toHaveLength(1);
  });

  it('1 Jan 09:01: the reminders were re-planned for January', async () => {
    room.clock.set('2026-01-01T08:01:00Z');
    await room.runScheduler();
    expect(room.posts().slack.slice(1)).toEqual([
      'Reminder: Witkoff–Putin meeting: this month, January 2026 (exact day not known yet)',
    ]);
    expect(room.posts().discord).toHaveLength(2);
  });

  it('14 Jan: they met on Tuesday 13 January at the Kremlin; the outcome is posted once', async () => {
    await room.add('3-putin-meets-witkoff-january.md');
    room.clock.set('2026-01-14T10:00:00Z');
    const { data, text } = await room.meeting();
    expect(data).toMatchObject({
      status: 'took place',
      location: 'the Kremlin',
      when: { start: '2026-01-13' },
      articleId: '3-putin-meets-witkoff-january',
    });
    expect(text).toContain(
      'Took place on Tuesday 13 January 2026 at the Kremlin (reported 14 January, ¶1 of Putin meets Witkoff at the Kremlin, no deal on territory).',
    );
    expect(text).toContain('useful and constructive');
    const json = await room.askJson('/meeting Putin');
    expect(json).toMatchObject({ status: 'took place', participants: ['Steve Witkoff', 'Vladimir Putin'] });
    expect(json!.history.map((h) => h.step)).toEqual(['announced', 'date confirmed', 'moved', 'took place']);
    expect(json!.outcome?.text).toMatch(/useful and constructive/);
    await room.runScheduler();
    room.clock.set('2026-01-14T10:05:00Z');
    await room.runScheduler();
    const posts = room.posts();
    expect(posts.slack.slice(2)).toEqual([
      'Update: Witkoff–Putin meeting took place on Tuesday 13 January 2026 at the Kremlin',
    ]);
    expect(posts.discord).toHaveLength(3);
    expect(posts.discord[2]).toContain('useful and constructive');
  });
});

describe('a story: announced, then cancelled', () => {
  let room: ReturnType<typeof newsroom>;
  beforeAll(() => void (room = newsroom()));
  afterAll(() => room.cleanup());

  it('29 Nov: the visit is called off; /meeting Putin says so; one update goes out, no reminder after it', async () => {
    await room.add('seed', 'x-witkoff-to-meet-zelensky-berlin.md');
    await room.runScheduler();
    await room.add('c1-kremlin-calls-off-witkoff-visit.md');
    room.clock.set('2025-11-29T10:00:00Z');
    const putin = await room.meeting('Putin');
    expect(putin.data).toMatchObject({ title: 'Witkoff–Putin meeting', status: 'cancelled' });
    expect(putin.text).toContain('Cancelled (reported 29 November, ¶1 of Kremlin says Witkoff visit called off).');
    expect(putin.text).toContain('It had been expected the week of 1 December 2025.');
    // The next meeting is now the one in Berlin.
    expect((await room.meeting()).data).toMatchObject({ title: 'Witkoff–Zelensky meeting', status: 'upcoming' });
    const json = await room.askJson('/meeting Putin');
    expect(json).toMatchObject({ status: 'cancelled' });
    expect(json!.history.map((h) => [h.step, h.articleId])).toEqual([
      ['announced', 'russia-denies-leaking-witkoff-call'],
      ['cancelled', 'c1-kremlin-calls-off-witkoff-visit'],
    ]);
    await room.runScheduler();
    room.clock.set('2025-11-29T11:00:00Z');
    await room.runScheduler();
    expect(room.posts().slack).toEqual([
      'Update: Witkoff–Putin meeting is cancelled (reported Saturday 29 November 2025)',
    ]);
    expect(room.posts().discord).toHaveLength(1);
    // The cancellation re-saved (an edit of the same briefing) is no new update.
    const cancelFile = join(room.dir, 'c1-kremlin-calls-off-witkoff-visit.md');
    appendFileSync(cancelFile, '\nThe Kremlin gave no further details.\n');
    expect((await room.library.reloadFile(cancelFile, false)).type).toBe('updated');
    room.clock.set('2025-11-29T12:00:00Z');
    await room.runScheduler();
    expect((await room.meeting('Putin')).data).toMatchObject({ status: 'cancelled' });
    expect(room.posts().slack).toHaveLength(1);
    expect(room.posts().discord).toHaveLength(1);
    // Monday 1 December, 09:01: the week-of reminder is not sent.
    room.clock.set('2025-12-01T08:01:00Z');
    await room.runScheduler();
    expect(room.posts().slack).toHaveLength(1);
    expect(room.posts().discord).toHaveLength(1);
  });
});

describe('a story: announced, then took place as planned; follow-up questions', () => {
  let room: ReturnType<typeof newsroom>;
  beforeAll(() => void (room = newsroom()));
  afterAll(() => room.cleanup());

  it('3 Dec: "Took place on Tuesday 2 December 2025 at the Kremlin (reported 3 December, ¶1 of …)"', async () => {
    await room.add('seed', 'x-witkoff-to-meet-zelensky-berlin.md');
    await room.runScheduler();
    await room.add('t1-putin-met-witkoff-tuesday.md');
    room.clock.set('2025-12-03T15:00:00Z');
    const putin = await room.meeting('Putin');
    expect(putin.text).toContain(
      'Took place on Tuesday 2 December 2025 at the Kremlin (reported 3 December, ¶1 of Putin meets Witkoff at the Kremlin).',
    );
    expect(putin.text).toContain('no compromise had been reached on territory');
    // "Witkoff flew to Berlin on Wednesday" is not the Berlin meeting with Zelensky two days later.
    expect((await room.meeting('Zelensky')).data).toMatchObject({ status: 'upcoming', when: { start: '2025-12-05' } });
    await room.runScheduler();
    expect(room.posts().slack).toEqual([
      'Update: Witkoff–Putin meeting took place on Tuesday 2 December 2025 at the Kremlin',
    ]);
  });

  it('questions routed as structured filters get the linked event', async () => {
    const core = createCore({ library: room.library, clock: room.clock, timeZone: TZ, answerCache: false });
    const ask = async (command: Parameters<typeof core.handle>[0]) =>
      (await core.handle(command, conv)).data as EventData;
    const cases: [Parameters<typeof core.handle>[0], Partial<NonNullable<EventData['event']>>][] = [
      [
        { name: 'event', kinds: ['meeting'], person: 'Putin', words: ['did', 'take', 'place'] },
        { title: 'Witkoff–Putin meeting', status: 'took place' },
      ],
      [
        { name: 'event', person: 'Vladimir Putin' },
        { status: 'took place', location: 'the Kremlin' },
      ],
      [
        { name: 'event', kinds: ['meeting'], person: 'Zelensky' },
        { title: 'Witkoff–Zelensky meeting', status: 'upcoming' },
      ],
      [{ name: 'event', kinds: ['meeting'] }, { title: 'Witkoff–Zelensky meeting' }],
      [
        { name: 'event', kinds: ['call'], person: 'Ushakov' },
        {
          kind: 'call',
          status: 'took place',
          when: { text: 'on Oct. 14', precision: 'day', start: '2025-10-14', end: '2025-10-14' },
        },
      ],
      [{ name: 'event', query: 'Witkoff Putin' }, { title: 'Witkoff–Putin meeting' }],
      [
        { name: 'event', kinds: ['release'] },
        { kind: 'release', status: 'took place' },
      ],
    ];
    for (const [command, expected] of cases)
      expect((await ask(command)).event, JSON.stringify(command)).toMatchObject(expected);
    expect((await ask({ name: 'event', person: 'Melania Trump' })).event).toBeNull();
  });
});
