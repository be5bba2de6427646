import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { commandDefinitions, definitionsHash } from '../../../src/platforms/discord/commands.js';
import {
  discordInvite,
  discordManifest,
  registerDiscordCommands,
  startDiscord,
  type DiscordLogger,
  type KeyValueStore,
} from '../../../src/platforms/discord/index.js';
import { DiscordStub } from '../../support/discord-stub.js';
import { fixtureCore } from './fixture-core.js';

const silent: DiscordLogger = { debug() {}, info() {}, warn() {}, error() {} };
let stub: DiscordStub;

beforeAll(async () => {
  stub = await DiscordStub.start();
});
afterAll(async () => {
  await stub?.stop();
});

describe('command definitions', () => {
  const defs = commandDefinitions();
  const byName = Object.fromEntries(defs.map((d) => [d.name, d]));

  it('defines /brief, /whosaid, /meeting and /briefing with the expected options', () => {
    expect(defs.map((d) => d.name)).toEqual(['brief', 'whosaid', 'meeting', 'briefing']);
    const brief = byName.brief!.options as any[];
    expect(brief.map((o) => o.name)).toEqual(['length', 'article']);
    expect(brief[0].choices.map((c: any) => c.value)).toEqual(['short', 'full']);
    expect(brief[1].autocomplete).toBe(true);
    const whosaid = byName.whosaid!.options as any[];
    expect(whosaid.map((o) => [o.name, o.autocomplete ?? false])).toEqual([
      ['person', true],
      ['phrase', false],
    ]);
    const briefing = byName.briefing!.options as any[];
    expect(briefing.map((o) => [o.name, o.type])).toEqual([
      ['subscribe', 1],
      ['unsubscribe', 1],
      ['list', 1],
    ]);
    expect(briefing[0].options.find((o: any) => o.name === 'schedule').required).toBe(true);
  });

  it('every name, description and choice is within Discord limits', () => {
    const check = (o: any) => {
      expect(o.name).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
      expect(o.name).toBe(o.name.toLowerCase());
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
      for (const c of o.choices ?? []) expect(c.name.length).toBeLessThanOrEqual(100);
      (o.options ?? []).forEach(check);
      expect((o.options ?? []).length).toBeLessThanOrEqual(25);
    };
    defs.forEach(check);
  });

  it('hash is stable and changes when definitions change', () => {
    expect(definitionsHash()).toBe(definitionsHash(commandDefinitions()));
    const changed = commandDefinitions();
    changed[0]!.description = 'something else';
    expect(definitionsHash(changed)).not.toBe(definitionsHash());
  });
});

describe('registerDiscordCommands', () => {
  it('registers in a guild (PUT /applications/{app}/guilds/{guild}/commands) with the bot token', async () => {
    const guildId = stub.guilds[0]!.id;
    const result = await registerDiscordCommands({
      token: 'tok-guild',
      appId: stub.appId,
      guildId,
      restApi: stub.restApi,
    });
    expect(result).toMatchObject({ scope: 'guild', count: 4 });
    const reg = stub.registrations.at(-1)!;
    expect(reg.scope).toBe(guildId);
    expect(reg.authorization).toBe('Bot tok-guild');
    expect(reg.body).toEqual(commandDefinitions());
    // Subscriptions need Manage Channels by default, so server admins can manage /briefing under Integrations.
    const registered = Object.fromEntries(
      (reg.body as { name: string; default_member_permissions?: string | null }[]).map((c) => [
        c.name,
        c.default_member_permissions ?? null,
      ]),
    );
    expect(registered).toEqual({ brief: null, whosaid: null, meeting: null, briefing: '16' });
  });

  it('registers globally without a guild', async () => {
    const result = await registerDiscordCommands({ token: 'tok-global', appId: stub.appId, restApi: stub.restApi });
    expect(result.scope).toBe('global');
    expect(stub.registrations.at(-1)!.scope).toBe('global');
  });

  it('a 403 (missing applications.commands scope) surfaces as an error', async () => {
    stub.fail({ path: /\/commands$/, status: 403, method: 'PUT' });
    await expect(registerDiscordCommands({ token: 't', appId: stub.appId, restApi: stub.restApi })).rejects.toThrow(
      /Missing Permissions/,
    );
  });
});

describe('register on start', () => {
  it('registers only when the definitions hash changed', async () => {
    const memory = new Map<string, string>();
    const store: KeyValueStore = { get: (k) => memory.get(k), set: (k, v) => void memory.set(k, v) };
    const guildId = stub.guilds[0]!.id;
    const start = () =>
      startDiscord({
        core: fixtureCore(),
        token: 'tok-start',
        logger: silent,
        clock: fixedClock('2025-11-26T12:00:00Z'),
        restApi: stub.restApi,
        restOptions: { globalRequestsPerSecond: 1e6 },
        registerOnStart: true,
        guildId,
        store,
      });
    const count = () => stub.registrations.filter((r) => r.authorization === 'Bot tok-start').length;

    const first = await start();
    await first.stop();
    expect(count()).toBe(1);
    expect([...memory.values()]).toEqual([definitionsHash()]);
    expect([...memory.keys()][0]).toContain(stub.appId);

    const second = await start();
    await second.stop();
    expect(count()).toBe(1);

    memory.set([...memory.keys()][0]!, 'stale-hash');
    const third = await start();
    await third.stop();
    expect(count()).toBe(2);
  });
});

describe('invite and manifest', () => {
  it('invite asks for bot + applications.commands and exactly the six permissions', () => {
    const url = new URL(discordInvite('1311234567890123456'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('1311234567890123456');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const bits = BigInt(url.searchParams.get('permissions')!);
    const expected = (1n << 10n) | (1n << 11n) | (1n << 38n) | (1n << 35n) | (1n << 14n) | (1n << 16n);
    expect(bits).toBe(expected);
    expect(bits.toString()).toBe('309237730304');
  });

  it('manifest explains setup, intents, the invite and each command', () => {
    const text = discordManifest('1311234567890123456');
    expect(text).toContain(discordInvite('1311234567890123456'));
    expect(text).toMatch(/Message Content/);
    expect(text).toMatch(/register discord --guild/);
    for (const c of [
      '/brief',
      '/whosaid',
      '/meeting',
      '/briefing subscribe',
      '/briefing unsubscribe',
      '/briefing list',
    ])
      expect(text).toContain(c);
  });
});
