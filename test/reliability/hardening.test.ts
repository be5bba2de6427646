/**
 * Issue 11's data-and-delivery defects through the whole bot against the Slack and Discord stubs:
 * health endpoints, the store disappearing or damaged, the watcher losing its folder, links out
 * of briefings/, and a second bot on one store. One file, so the extractor is imported once.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { startBot, type BotHarness } from '../support/bot-harness.js';
import { opt } from '../support/discord-stub.js';

const until = async (check: () => boolean | Promise<boolean>, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

async function get(port: number, path: string): Promise<{ status: number; body: string; type: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') ?? '' };
}

const ready = async (port: number) => {
  const r = await get(port, '/readyz');
  return {
    status: r.status,
    ...(JSON.parse(r.body) as { ok: boolean; checks: Record<string, { ok: boolean; detail?: string }> }),
  };
};

const healthy = (extra: Parameters<typeof startBot>[0] = {}) =>
  startBot({
    ...extra,
    env: { HEALTH_PORT: '0', ...extra.env },
    app: { health: { host: '127.0.0.1', monitorMs: 100 }, ...extra.app },
  });

describe('health endpoints on HEALTH_PORT (Slack HTTP mode and Discord)', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await healthy();
    await bot.discord.waitForSession();
  });
  afterAll(async () => bot?.stop());
  const port = () => bot.app.health!.port;

  it('/healthz is alive; /readyz lists library, watcher, store, slack and discord, all green', async () => {
    expect((await get(port(), '/healthz')).status).toBe(200);
    const r = await ready(port());
    expect(r.status).toBe(200);
    expect(Object.keys(r.checks).sort()).toEqual(['discord', 'library', 'slack', 'store', 'watcher']);
    expect(Object.values(r.checks).every((c) => c.ok)).toBe(true);
    expect(r.checks.library!.detail).toMatch(/^1 articles from /);
  });

  it('/metrics: answers by intent with a latency histogram, outbox depth, posts, 429s, gateway state, reload errors', async () => {
    await bot.slash('/whosaid', 'Witkoff');
    await bot.slash('/whosaid', '"man of peace"');
    const m = await get(port(), '/metrics');
    expect(m.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(m.body).toMatch(/^briefbot_answers_total\{intent="whosaid"\} 2$/m);
    expect(m.body).toMatch(/^briefbot_answer_duration_seconds_bucket\{intent="whosaid",le="\+Inf"\} 2$/m);
    expect(m.body).toMatch(/^briefbot_answer_duration_seconds_count\{intent="whosaid"\} 2$/m);
    expect(m.body).toMatch(/^# TYPE briefbot_answer_duration_seconds histogram$/m);
    expect(m.body).toMatch(/^briefbot_outbox_depth 0$/m);
    expect(m.body).toMatch(/^briefbot_gateway_connected\{platform="discord"\} 1$/m);
    expect(m.body).toMatch(/^briefbot_gateway_connected\{platform="slack"\} 1$/m);
    expect(m.body).toMatch(/^# TYPE briefbot_posts_sent_total counter$/m);
    expect(m.body).toMatch(/^# TYPE briefbot_rate_limited_total counter$/m);
    expect(m.body).toMatch(/^# TYPE briefbot_library_reload_errors_total counter$/m);
    expect(m.body).toMatch(/^briefbot_ready_check\{check="store"\} 1$/m);
  });

  it('a briefing edit that breaks counts as a reload error', async () => {
    const before = bot.app.metrics.reloadErrors.get();
    writeFileSync(join(bot.dir, 'briefings', 'broken.md'), '---\npublished: [\n');
    renameSync(join(bot.dir, 'briefings', 'broken.md'), join(bot.dir, 'briefings', 'broken-story.md'));
    await until(() => bot.app.metrics.reloadErrors.get() > before, 5_000, 'the reload error to be counted');
    expect((await get(port(), '/metrics')).body).toMatch(/^briefbot_library_reload_errors_total [1-9]/m);
  });

  it('Discord gateway gone: /readyz turns red naming discord, the gauge drops to 0 (it was constant "ok")', async () => {
    await bot.discord.stop();
    await until(async () => (await ready(port())).status === 503, 10_000, '/readyz to turn red');
    const r = await ready(port());
    expect(r.checks.discord).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/gateway (closed|reconnecting)/),
    });
    expect(r.checks.slack!.ok).toBe(true);
    await until(
      async () => /^briefbot_gateway_connected\{platform="discord"\} 0$/m.test((await get(port(), '/metrics')).body),
      3_000,
      'the gauge',
    );
    expect(bot.logs.some((l) => /"level":50/.test(l) && /not ready: discord/.test(l))).toBe(true);
  }, 20_000);
});

describe('Slack Socket Mode readiness follows the connection', () => {
  it('connected: green; the socket dropped: red until Socket Mode reconnects', async () => {
    const bot = await healthy({ slack: 'socket', discord: false });
    try {
      await bot.slack.waitForSocket();
      const port = bot.app.health!.port;
      expect((await ready(port)).checks.slack).toEqual({ ok: true, detail: 'Socket Mode connected' });
      for (const ws of (bot.slack as unknown as { sockets: Set<{ terminate(): void }> }).sockets) ws.terminate();
      await until(async () => (await ready(port)).checks.slack?.ok === false, 5_000, 'the slack check to fail');
      await until(async () => (await ready(port)).checks.slack?.ok === true, 15_000, 'Socket Mode to reconnect');
    } finally {
      await bot.stop();
    }
  }, 30_000);
});

describe('the store disappearing, and the watcher losing its folder, turn /readyz red at once', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await healthy({ discord: false });
  });
  afterAll(async () => bot?.stop());

  it('store deleted while running: logged at error within a second, /readyz red, a subscribe is not answered "Subscribed"', async () => {
    const store = bot.app.store!.path;
    unlinkSync(store);
    await until(
      () => bot.logs.some((l) => /"level":50/.test(l) && l.includes('not ready: store') && l.includes('deleted')),
      2_000,
      'the error log line',
    );
    const r = await ready(bot.app.health!.port);
    expect(r.status).toBe(503);
    expect(r.checks.store!.detail).toContain(store);
    const answer = await bot.slash('/brief', 'subscribe daily 08:00');
    expect(answer.body).not.toMatch(/Subscribed/);
  });

  it('briefings folder moved away: watcher red; a new folder in its place: green again and read', async () => {
    const dir = join(bot.dir, 'briefings');
    renameSync(dir, join(bot.dir, 'briefings.old'));
    await until(
      async () => (await ready(bot.app.health!.port)).checks.watcher?.ok === false,
      3_000,
      'the watcher check to fail',
    );
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'fresh-story.md'),
      '---\npublished: 2025-12-01\n---\nA fresh story\n\nIt has one paragraph.\n',
    );
    await until(
      async () => (await ready(bot.app.health!.port)).checks.watcher?.ok === true,
      3_000,
      'the watcher to re-attach',
    );
    await until(() => bot.app.library.article('fresh-story') !== undefined, 5_000, 'the new folder to be read');
  });
});

describe('console mode serves the health endpoints too', () => {
  it('no chat tokens: /healthz and /readyz (library, watcher) on HEALTH_PORT', async () => {
    const bot = await healthy({ slack: false, discord: false });
    try {
      expect(bot.app.platforms).toEqual(['console']);
      const r = await ready(bot.app.health!.port);
      expect(r.status).toBe(200);
      expect(Object.keys(r.checks).sort()).toEqual(['library', 'watcher']);
      expect((await get(bot.app.health!.port, '/healthz')).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });
});

describe('a damaged store at start is moved aside and named, never silently replaced', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it.each([
    [
      'a file that is not a database (malformed)',
      'this is not sqlite\n'.repeat(500),
      /damaged or not a briefbot store/,
    ],
    ['a store truncated to 0 bytes', '', /empty \(0 bytes\): it was truncated/],
  ])(
    '%s: logged at error naming the store and where it was moved; the bot runs on a new store',
    async (_what, content, problem) => {
      const dir = mkdtempSync(join(tmpdir(), 'briefbot-damaged-'));
      dirs.push(dir);
      const store = join(dir, 'briefbot.sqlite');
      writeFileSync(store, content);
      const bot = await healthy({ discord: false, config: { store } });
      try {
        const line = bot.logs.find((l) => /"level":50/.test(l) && l.includes(`store ${store} could not be used`));
        expect(line, bot.logs.join('\n')).toBeDefined();
        expect(line).toMatch(problem);
        expect(line).toMatch(/moved to [^ ]+briefbot\.sqlite\.damaged-/);
        expect(bot.app.store!.recovered?.movedTo).toMatch(/briefbot\.sqlite\.damaged-/);
        expect((await ready(bot.app.health!.port)).checks.store!.ok).toBe(true);
      } finally {
        await bot.stop();
      }
    },
  );
});

/** The attack of issue 11, through the whole bot: links in briefings/ to secrets and system files. */
describe('nothing outside briefings/ is ever served (the running bot against the stubs)', () => {
  let bot: BotHarness;
  const token = 'xoxb-2222-3333-leakedtokenvalue';
  beforeAll(async () => {
    bot = await startBot();
    await bot.discord.waitForSession();
    writeFileSync(join(bot.dir, '.env'), `# Slack\nSLACK_BOT_TOKEN=${token}\n\n# Discord\nDISCORD_TOKEN=abc.def.ghi\n`);
    const dir = join(bot.dir, 'briefings');
    symlinkSync('../.env', join(dir, 'env.md'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.md'));
    symlinkSync('/proc/self/status', join(dir, 'status.md'));
    const until = Date.now() + 5_000;
    while (bot.app.library.errors().length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
  });
  afterAll(async () => bot?.stop());

  it('each link out is refused and reported by file name', () => {
    const refused = bot.app.library
      .errors()
      .map((e) => [e.file.split('/').pop(), /outside the briefings folder/.test(e.message)]);
    expect(refused.sort()).toEqual([
      ['env.md', true],
      ['passwd.md', true],
      ['status.md', true],
    ]);
    expect(bot.app.library.size).toBe(1);
  });

  it('/brief for the linked ids and Discord autocomplete never show the token or the system files', async () => {
    for (const ref of ['env', 'passwd', 'status']) {
      const answer = await bot.slash('/brief', `full ${ref}`);
      expect(answer.body).not.toContain(token);
      expect(answer.body).not.toMatch(/root:x:0:0|VmRSS/);
    }
    for (const prefix of ['slack', 'env', 'root', 'name']) {
      const { id } = bot.discord.autocomplete('brief', [opt('article', prefix, true)]);
      const cb = await bot.discord.waitForCallback(id);
      const choices = JSON.stringify(cb.body.data.choices);
      expect(choices).not.toContain(token);
      expect(choices).not.toMatch(/env|passwd|status/);
    }
  });
});

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
    const code = await main(['start', '--briefings', empty], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => (err += t) },
      env: { ...bot.env, PORT: '0' },
      cwd: bot.dir,
    });
    expect(code).toBe(1);
    expect(err).toContain(
      `briefbot: store ${bot.app.store!.path} is in use by another briefbot process (pid ${process.pid} on `,
    );
    // The first bot is untouched: it still answers and its store still takes writes.
    expect((await bot.slash('/whosaid', 'Witkoff')).body).toMatch(/Witkoff/);
    expect(bot.app.store!.health()).toEqual({ ok: true });
  });
});
