import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opt } from '../support/discord-stub.js';
import { startBot, type BotHarness } from '../support/bot-harness.js';

describe('the composed bot (src/app.ts) on both platforms at once', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBot({
      config: {
        schedules: [
          {
            name: 'morning',
            cron: '0 8 * * *',
            post: 'briefing',
            targets: [
              { platform: 'slack', channel: 'C0NEWS' },
              { platform: 'discord', channel: '123456789012345678' },
            ],
          },
        ],
      },
    });
  });
  afterAll(async () => bot?.stop());

  it('runs Slack (HTTP), Discord and the scheduler from the environment', () => {
    expect(bot.app.platforms).toEqual(['slack', 'discord', 'scheduler']);
    expect(bot.app.scheduler?.jobs().map((j) => j.key)).toEqual(['morning']);
  });

  it('answers a Slack slash command and a Discord interaction with the same core', async () => {
    const res = await bot.slash('/whosaid', '"man of peace"');
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/Witkoff|Ushakov|Trump/);
    const i = bot.discord.command('whosaid', [opt('phrase', 'man of peace')]);
    const cb = await bot.discord.waitForCallback(i.id);
    expect(JSON.stringify(cb.body)).toMatch(/Witkoff|Ushakov|Trump/);
  });

  it('subscriptions in chat reach the scheduler (the core is wired to it)', async () => {
    const res = await bot.slash('/brief', 'subscriptions');
    expect(res.status).toBe(200);
    expect(res.body).not.toMatch(/not configured/i);
  });

  it('a scheduled fire posts to both platforms through the posters', async () => {
    await bot.app.scheduler!.fire('morning', new Date('2025-11-27T08:00:00Z'));
    await bot.app.scheduler!.idle();
    expect(bot.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0NEWS')).toHaveLength(1);
    expect(bot.discord.channelMessages.filter((m) => m.channelId === '123456789012345678')).toHaveLength(1);
  });
});
