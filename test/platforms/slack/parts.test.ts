import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../../src/platforms/slack/dedupe.js';
import { withoutPostButton, withPostButton } from '../../../src/queries/sharing.js';
import { slackEnvFromProcess, slackManifest } from '../../../src/platforms/slack/index.js';
import { slackTextToPlain, stripBotMention } from '../../../src/platforms/slack/text.js';

describe('slackManifest', () => {
  it('is a Socket Mode manifest with the three commands, the scopes and the events', () => {
    const text = slackManifest();
    const m = parse(text);
    expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual([
      '/brief',
      '/whosaid',
      '/meeting',
    ]);
    for (const c of m.features.slash_commands) {
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect(c.url).toBeUndefined();
    }
    expect(m.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'im:history', 'users:read']),
    );
    expect(m.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'message.im']);
    expect(m.settings.socket_mode_enabled).toBe(true);
    expect(m.settings.interactivity.is_enabled).toBe(true);
    expect(m.features.bot_user.display_name).toBe('briefbot');
    expect(m.features.app_home.messages_tab_enabled).toBe(true);
    expect(text.startsWith('#')).toBe(true);
  });

  it('points every request URL at /slack/events in HTTP mode', () => {
    const m = parse(slackManifest({ requestUrl: 'https://bot.example.com/', name: 'newsbot' }));
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.event_subscriptions.request_url).toBe('https://bot.example.com/slack/events');
    expect(m.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
    expect(
      m.features.slash_commands.every((c: { url: string }) => c.url === 'https://bot.example.com/slack/events'),
    ).toBe(true);
    expect(m.display_information.name).toBe('newsbot');
  });
});

describe('slackEnvFromProcess', () => {
  it('reads tokens and mode from the environment, with clear errors', () => {
    expect(slackEnvFromProcess({})).toBeUndefined();
    expect(slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual({
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
    });
    expect(slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8080' })).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
      port: 8080,
    });
    expect(() => slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
    expect(() => slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/xoxb-/);
    expect(() => slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(/xapp-/);
    expect(() => slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'http' })).toThrow(
      /PORT/,
    );
  });

  it('never puts a token into an error message', () => {
    try {
      slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_APP_TOKEN: 'xapp-1' });
    } catch (error) {
      expect(String(error)).not.toContain('secret-value');
    }
  });
});

describe('Slack text in', () => {
  it('turns Slack markup into what the person typed', () => {
    expect(slackTextToPlain('who said &lt;b&gt; &amp; <@U123|bob>, <#C1|news> <!here> <!channel>?')).toBe(
      'who said <b> & @bob, #news @here @channel?',
    );
    expect(slackTextToPlain('<@U123> <https://example.com|example> <https://x.test>')).toBe(
      '@U123 example https://x.test',
    );
    expect(slackTextToPlain('<!subteam^S1|@editors> said “man of peace”')).toBe('@editors said “man of peace”');
  });

  it('removes only the bot’s own mention', () => {
    expect(stripBotMention('<@U0BOT> who said "x"? cc <@U0BOB>', 'U0BOT')).toBe('who said "x"? cc <@U0BOB>');
    expect(stripBotMention('<@U0BOT|briefbot>: help', 'U0BOT')).toBe('help');
  });
});

describe('RecentKeys', () => {
  it('answers each key once for an hour, however many keys arrive in between', () => {
    let now = Date.parse('2025-11-26T12:00:00Z');
    const keys = new RecentKeys({ now: () => new Date(now) });
    expect(keys.claim('a')).toBe(true);
    expect(keys.claim('a')).toBe(false);
    // The old capacity was 2 000 keys: a replay after 2 100 others was answered again.
    for (let i = 0; i < 2_100; i++) keys.claim(`k${i}`);
    expect(keys.claim('a')).toBe(false);
    now += 59 * 60_000;
    expect(keys.claim('a')).toBe(false);
    now += 2 * 60_000;
    expect(keys.has('a')).toBe(false);
    expect(keys.claim('a')).toBe(true);
    keys.release('a');
    expect(keys.claim('a')).toBe(true);
  });

  it('keeps memory bounded under a flood beyond Slack’s own rate limits', () => {
    const keys = new RecentKeys({ now: () => new Date(0) }, 60 * 60_000, 100);
    for (let i = 0; i < 250; i++) keys.claim(`k${i}`);
    expect(keys.size).toBe(100);
  });
});

describe('Post to channel buttons', () => {
  it('carry the value they are given, on private replies only; the core’s own value is never sent', () => {
    const reply = {
      summary: 's',
      blocks: [],
      visibility: 'ephemeral' as const,
      actions: [{ id: 'post_to_channel' as const, label: 'Post to channel', value: 'summary:short:x' }],
    };
    expect(withPostButton(reply, 'ref:AAAAAAAAAAAAAAAA').actions).toEqual([
      { id: 'post_to_channel', label: 'Post to channel', value: 'ref:AAAAAAAAAAAAAAAA' },
    ]);
    expect(withPostButton({ ...reply, visibility: 'public' }, 'ref:AAAAAAAAAAAAAAAA').actions?.[0]?.value).toBe(
      'summary:short:x',
    );
    expect(withoutPostButton(reply).actions).toBeUndefined();
  });
});
