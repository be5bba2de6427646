import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { startBot, type BotHarness } from '../support/bot-harness.js';

describe('one bot per store', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBot({ discord: false });
  });
  afterAll(async () => bot?.stop());

  it('`briefbot start` on a store another bot holds exits 1 with a message naming the store and the holder', async () => {
    let err = '';
    // An empty briefings folder: the second bot gets as far as the store without extracting anything.
    const empty = join(bot.dir, 'no-briefings');
    mkdirSync(empty);
    const code = await main(['start', '--briefings', empty], { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, env: { ...bot.env, PORT: '0' }, cwd: bot.dir });
    expect(code).toBe(1);
    expect(err).toContain(`briefbot: store ${bot.app.store!.path} is in use by another briefbot process (pid ${process.pid} on `);
    // The first bot is untouched: it still answers and its store still takes writes.
    expect((await bot.slash('/whosaid', 'Witkoff')).body).toMatch(/Witkoff/);
    expect(bot.app.store!.health()).toEqual({ ok: true });
  });
});
