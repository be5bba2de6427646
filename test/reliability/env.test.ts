import { describe, expect, it } from 'vitest';
import { discordTokenUserId, EnvError, parseEnv } from '../../src/config/env.js';
import { DISCORD_USER_ID, GOOD_ENV as GOOD } from '../support/tokens.js';

function issuesOf(env: Record<string, string | undefined>): { variable: string; message: string }[] {
  try {
    parseEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as EnvError).issues;
  }
  return [];
}

describe('environment validation', () => {
  it('reads both platforms, the modes and the Discord app id from the token', () => {
    const env = parseEnv({ ...GOOD, PORT: '4000', DISCORD_REGISTER_ON_START: 'yes' });
    expect(env.slack).toMatchObject({ mode: 'socket', port: 4000, botToken: GOOD.SLACK_BOT_TOKEN });
    expect(env.discord).toMatchObject({ appId: DISCORD_USER_ID, registerOnStart: true });
    expect(
      parseEnv({ SLACK_BOT_TOKEN: GOOD.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: GOOD.SLACK_SIGNING_SECRET }).slack?.mode,
    ).toBe('http');
    expect(discordTokenUserId(GOOD.DISCORD_TOKEN)).toBe(DISCORD_USER_ID);
  });

  it('empty variables (as .env files leave them) mean unset: nothing configured is the console', () => {
    expect(parseEnv({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: ' ', SLACK_APP_TOKEN: '' })).toEqual({ secrets: [] });
  });

  const bad: [string, Record<string, string>, string][] = [
    [
      'a user token where the bot token goes',
      { SLACK_BOT_TOKEN: 'xoxp-1111-Sekr3tuser', SLACK_APP_TOKEN: GOOD.SLACK_APP_TOKEN },
      'SLACK_BOT_TOKEN',
    ],
    [
      'a bot token where the app token goes',
      { SLACK_BOT_TOKEN: GOOD.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: 'xoxb-Sekr3tswapped' },
      'SLACK_APP_TOKEN',
    ],
    ['a bot token and neither mode', { SLACK_BOT_TOKEN: GOOD.SLACK_BOT_TOKEN }, 'SLACK_SIGNING_SECRET'],
    ['an app token without the bot token', { SLACK_APP_TOKEN: GOOD.SLACK_APP_TOKEN }, 'SLACK_BOT_TOKEN'],
    [
      'a signing secret with a space',
      { SLACK_BOT_TOKEN: GOOD.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: 'Sekr3t with space' },
      'SLACK_SIGNING_SECRET',
    ],
    [
      'a Discord token with two parts',
      { DISCORD_TOKEN: 'Sekr3tdiscordtoken.abcdefghijklmnopqrstuvwxyz' },
      'DISCORD_TOKEN',
    ],
    [
      'a Discord token whose first part is not an id',
      { DISCORD_TOKEN: 'Sekr3tnotanid.GxYzAb.abcdefghijklmnopqrstuvwxyz' },
      'DISCORD_TOKEN',
    ],
    ['a Discord token with a "Bot " prefix', { DISCORD_TOKEN: `Bot ${GOOD.DISCORD_TOKEN}` }, 'DISCORD_TOKEN'],
    ['a non-numeric app id', { DISCORD_TOKEN: GOOD.DISCORD_TOKEN, DISCORD_APP_ID: 'Sekr3tish' }, 'DISCORD_APP_ID'],
    [
      'a port out of range',
      { SLACK_BOT_TOKEN: GOOD.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: GOOD.SLACK_SIGNING_SECRET, PORT: '70000' },
      'PORT',
    ],
    ['a bad log level', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
  ];
  it.each(bad)('%s: names the variable, never the value', (_name, env, variable) => {
    const issues = issuesOf(env);
    expect(issues.map((i) => i.variable)).toContain(variable);
    const text = issues.map((i) => `${i.variable} ${i.message}`).join('\n');
    for (const value of Object.values(env)) expect(text).not.toContain(value);
    expect(text).not.toContain('Sekr3t');
  });
});
