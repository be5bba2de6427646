import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RecentKeys } from '../../../src/platforms/slack/dedupe.js';
import { commandFromActionValue, withPostButton } from '../../../src/platforms/slack/handlers.js';
import { slackEnvFromProcess, slackManifest } from '../../../src/platforms/slack/index.js';
import { slackTextToPlain, stripBotMention } from '../../../src/platforms/slack/text.js';
import { FixtureCore } from './fixture-core.js';

describe('slackManifest', () => {
  it('is a Socket Mode manifest with the three commands, the scopes and the events', () => {
    const text = slackManifest();
    const m = parse(text);
    expect(m.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/brief', '/whosaid', '/meeting']);
    for (const c of m.features.slash_commands) {
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(2000);
      expect(c.url).toBeUndefined();
    }
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'im:history', 'users:read']));
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
    expect(m.features.slash_commands.every((c: { url: string }) => c.url === 'https://bot.example.com/slack/events')).toBe(true);
    expect(m.display_information.name).toBe('newsbot');
  });
});

describe('slackEnvFromProcess', () => {
  it('reads tokens and mode from the environment, with clear errors', () => {
    expect(slackEnvFromProcess({})).toBeUndefined();
    expect(slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toEqual({ botToken: 'xoxb-1', appToken: 'xapp-1' });
    expect(slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '8080' })).toEqual({ botToken: 'xoxb-1', signingSecret: 's', port: 8080 });
    expect(() => slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
    expect(() => slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxp-user', SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/xoxb-/);
    expect(() => slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })).toThrow(/xapp-/);
    expect(() => slackEnvFromProcess({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: 'http' })).toThrow(/PORT/);
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
    expect(slackTextToPlain('who said &lt;b&gt; &amp; <@U123|bob>, <#C1|news> <!here> <!channel>?')).toBe('who said <b> & @bob, #news @here @channel?');
    expect(slackTextToPlain('<@U123> <https://example.com|example> <https://x.test>')).toBe('@U123 example https://x.test');
    expect(slackTextToPlain('<!subteam^S1|@editors> said “man of peace”')).toBe('@editors said “man of peace”');
  });

  it('removes only the bot’s own mention', () => {
    expect(stripBotMention('<@U0BOT> who said "x"? cc <@U0BOB>', 'U0BOT')).toBe('who said "x"? cc <@U0BOB>');
    expect(stripBotMention('<@U0BOT|briefbot>: help', 'U0BOT')).toBe('help');
  });
});

describe('RecentKeys', () => {
  it('answers each key once and forgets the oldest beyond capacity', () => {
    const keys = new RecentKeys(3);
    expect(keys.claim('a')).toBe(true);
    expect(keys.claim('a')).toBe(false);
    keys.claim('b');
    keys.claim('c');
    keys.claim('d');
    expect(keys.size).toBe(3);
    expect(keys.has('a')).toBe(false);
    expect(keys.claim('a')).toBe(true);
    keys.release('a');
    expect(keys.claim('a')).toBe(true);
  });
});

describe('Post to channel values', () => {
  const core = new FixtureCore();
  it('decode the core’s summary value, a command, or plain text', () => {
    expect(commandFromActionValue(core, 'summary:full:russia-denies-leaking-witkoff-call')).toEqual({ name: 'summary', length: 'full', article: 'russia-denies-leaking-witkoff-call' });
    expect(commandFromActionValue(core, '{"name":"whosaid","person":"Witkoff"}')).toEqual({ name: 'whosaid', person: 'Witkoff' });
    expect(commandFromActionValue(core, '{"command":"/whosaid","text":"Ushakov"}')).toEqual({ name: 'whosaid', person: 'Ushakov' });
    expect(commandFromActionValue(core, 'who said "man of peace"')).toEqual({ name: 'whosaid', phrase: 'man of peace' });
    expect(commandFromActionValue(core, '{broken')).toEqual({ name: 'unknown', text: '{broken' });
  });

  it('are added to lookups only, and never over 2 000 characters', () => {
    const reply = { summary: 's', blocks: [], visibility: 'ephemeral' as const };
    expect(withPostButton(reply, { name: 'whosaid', person: 'Witkoff' }).actions).toEqual([{ id: 'post_to_channel', label: 'Post to channel', value: '{"name":"whosaid","person":"Witkoff"}' }]);
    expect(withPostButton(reply, { name: 'help' }).actions).toBeUndefined();
    expect(withPostButton(reply, { name: 'whosaid', phrase: 'x'.repeat(3000) }).actions).toBeUndefined();
    expect(withPostButton({ ...reply, visibility: 'public' }, { name: 'event' }).actions).toBeUndefined();
  });
});
