import { readFileSync, realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, readArgs, usageError, USAGE, type Flags } from './cli/args.js';
import { model } from './cli/model.js';
import { fixedClock, systemClock, type Clock } from './clock.js';
import { ConfigError, loadConfig, type LoadedConfig } from './config/load.js';
import type { Config } from './config/schema.js';
import { openLibrary } from './library/open.js';
import type { DeriveFn } from './library/deriver.js';
import type { LibraryError } from './library/briefing-files.js';
import { Library } from './library/library.js';
import type { Logger } from './log.js';
import type { Conversation } from './queries/command.js';
import { createCore, PARAGRAPH_NUMBERING } from './queries/index.js';
import { renderPlain } from './replies/plain.js';
import { parseLocatedYaml } from './config/yaml-location.js';
import { SHUTDOWN_DEADLINE_MS, startApp, type RunningApp } from './app.js';
import { discordTokenUserId, EnvError, loadEnvFile, parseEnv, type BotEnv } from './config/env.js';
import { scrubSecrets } from './log.js';
import { discordManifest, registerDiscordCommands } from './platforms/discord/index.js';
import { slackManifest } from './platforms/slack/index.js';
import { ScheduleConfigError, validateSchedules } from './schedule/validate.js';
import { isTimeZone } from './time.js';

export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  cwd?: string;
  stdin?: Readable;
  /** Replaces the derivation (tests); defaults to the real extractor. */
  derive?: DeriveFn;
  /** Ends the process (the command line passes process.exit): used when a shutdown overruns its deadline. */
  exit?: (code: number) => void;
}

function describeLibraryError(e: LibraryError, cwd: string): string {
  return describe(e.file, cwd, e) + (e.keptLastGood ? ' (serving the last good version)' : '');
}

function configOrFail(io: CliIO, cwd: string, path?: string): LoadedConfig | undefined {
  try {
    return loadConfig({ path, env: io.env, cwd });
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const issue of error.issues) io.stderr.write(`${describe(error.file, cwd, issue)}\n`);
      return undefined;
    }
    throw error;
  }
}

interface Loaded {
  config: Config;
  library: Library;
  timeZone: string;
}

async function loadAll(
  io: CliIO,
  cwd: string,
  flags: Flags<'config' | 'briefings' | 'tz'>,
  logger?: Logger,
): Promise<Loaded | undefined> {
  const loaded = configOrFail(io, cwd, flags.config);
  if (!loaded) return undefined;
  const dir = resolve(cwd, flags.briefings ?? loaded.config.briefings);
  const library = io.derive ? new Library({ dir, derive: io.derive, logger }) : openLibrary({ dir, logger });
  await library.load();
  const timeZone = flags.tz ?? loaded.config.timeZone;
  if (!isTimeZone(timeZone)) {
    io.stderr.write(`--tz: not an IANA time zone: ${timeZone}\n`);
    return undefined;
  }
  return { config: loaded.config, library, timeZone };
}

async function ask(args: string[], io: CliIO, cwd: string): Promise<number> {
  const { flags, rest, error } = readArgs(args, { boolean: ['json'], string: ['now', 'briefings', 'config', 'tz'] });
  if (error) return usageError(io, error);
  let clock: Clock = systemClock;
  if (flags.now !== undefined) {
    try {
      clock = fixedClock(flags.now);
    } catch {
      io.stderr.write(`--now: not a valid ISO time: ${flags.now}\n`);
      return 2;
    }
  }
  const loaded = await loadAll(io, cwd, flags);
  if (!loaded) return 1;
  for (const e of loaded.library.errors()) io.stderr.write(`warning: ${describeLibraryError(e, cwd)} (skipped)\n`);
  const core = createCore({ library: loaded.library, clock, timeZone: loaded.timeZone });
  const conversation: Conversation = {
    platform: 'console',
    channelId: 'cli',
    userId: 'cli',
    canManageChannel: false,
    isDirect: true,
    conversationKey: 'cli',
  };
  const answer = await core.handle(core.route(rest.join(' ')), conversation);
  const { intent, reply, data } = answer;
  if (flags.json)
    io.stdout.write(`${JSON.stringify({ intent, reply, data, numbering: PARAGRAPH_NUMBERING }, null, 2)}\n`);
  else io.stdout.write(`${renderPlain(answer.reply)}\n`);
  return 0;
}

async function check(args: string[], io: CliIO, cwd: string): Promise<number> {
  const { flags, error } = readArgs(args, { boolean: [], string: ['briefings', 'config'] });
  if (error) return usageError(io, error);
  const loaded = configOrFail(io, cwd, flags.config);
  const dirSetting = flags.briefings ?? loaded?.config.briefings ?? 'briefings';
  // No cache for check: it must derive every file and report every error afresh.
  // Loaded here, not at the top: `start` serves cached models without ever loading the extractor.
  const derive = io.derive ?? (await import('./library/derive.js')).deriveArticle;
  const library = new Library({ dir: resolve(cwd, dirSetting), derive });
  await library.load();
  const errors = library.errors();
  for (const e of errors) io.stderr.write(`${describeLibraryError(e, cwd)}\n`);
  let scheduleErrors = 0;
  if (loaded) {
    // What the schema cannot see: duplicate names, reserved names, targets on platforms left out…
    const located = loaded.file ? parseLocatedYaml(readFileSync(loaded.file, 'utf8')) : undefined;
    const shownFile = loaded.file ? relative(cwd, loaded.file) || loaded.file : 'config';
    for (const issue of validateSchedules(loaded.config)) {
      const path = issue.path
        .split(/[.[\]]+/)
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const line = located?.lineOf(path);
      io.stderr.write(
        `${issue.severity === 'warning' ? 'warning: ' : ''}${shownFile}${line ? `:${line}` : ''}: ${issue.path}: ` +
          `${issue.message}\n`,
      );
      if (issue.severity === 'error') scheduleErrors += 1;
    }
    if (scheduleErrors === 0)
      io.stdout.write(
        `config: ${loaded.file ? relative(cwd, loaded.file) || loaded.file : 'no file, defaults'}: ok ` +
          `(${loaded.config.schedules.length} schedules)\n`,
      );
  }
  const s = library.stats();
  io.stdout.write(
    `briefings: ${s.articles} loaded (${s.people} people, ${s.sayings} quotes and statements, ${s.events} ` +
      `events), ${errors.length} with errors\n`,
  );
  return loaded && scheduleErrors === 0 && errors.length === 0 ? 0 : 1;
}

async function start(args: string[], io: CliIO, cwd: string): Promise<number> {
  const { flags, error } = readArgs(args, { boolean: [], string: ['briefings', 'config', 'tz'] });
  if (error) return usageError(io, error);
  let app: RunningApp;
  try {
    app = await startApp({
      env: io.env,
      cwd,
      ...(flags.config !== undefined ? { configPath: flags.config } : {}),
      ...(flags.briefings !== undefined ? { briefingsDir: flags.briefings } : {}),
      ...(flags.tz !== undefined ? { timeZone: flags.tz } : {}),
      ...(io.stdin ? { stdin: io.stdin } : {}),
      stdout: io.stdout as Writable,
      ...(io.derive ? { library: { cacheDir: false, threads: 0 } } : {}),
    });
  } catch (e) {
    return reportStartupError(e, io, cwd);
  }
  // From a terminal, Ctrl-C reaches every process of the group and the launchers pass it on too:
  // repeats within a second are the same request. A later one means "now".
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (firstSignalAt === 0) {
      firstSignalAt = now;
      if (io.exit) {
        setTimeout(() => {
          io.stderr.write(`briefbot: shutdown took longer than ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting\n`);
          io.exit?.(1);
        }, SHUTDOWN_DEADLINE_MS).unref();
      }
      void app.stop(signal);
    } else if (now - firstSignalAt > 1_000 && io.exit) {
      io.stderr.write(`briefbot: ${signal} again; exiting without waiting\n`);
      io.exit(1);
    }
  };
  // A stray rejected promise in a library callback must not take every conversation down with it.
  const onRejection = (reason: unknown) =>
    app.logger.error({ err: reason }, 'unhandled promise rejection (the bot keeps running)');
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('unhandledRejection', onRejection);
  await app.done;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.off('unhandledRejection', onRejection);
  // A platform that cannot go on (e.g. Discord rejected the token) stops the bot: say why, exit 1.
  const failure = app.failure();
  if (failure) {
    io.stderr.write(`briefbot: ${failure.message}\n`);
    return 1;
  }
  return 0;
}

function reportStartupError(e: unknown, io: CliIO, cwd: string): number {
  if (e instanceof EnvError) {
    for (const issue of e.issues) io.stderr.write(`briefbot: ${issue.variable} ${issue.message}\n`);
    return 1;
  }
  if (e instanceof ConfigError) {
    for (const issue of e.issues) io.stderr.write(`${describe(e.file, cwd, issue)}\n`);
    return 1;
  }
  if (e instanceof ScheduleConfigError) {
    for (const issue of e.issues.filter((i) => i.severity === 'error'))
      io.stderr.write(`config: ${issue.path}: ${issue.message}\n`);
    return 1;
  }
  io.stderr.write(`briefbot: ${scrubSecrets((e as Error)?.message ?? String(e), io.env)}\n`);
  return 1;
}

async function manifest(args: string[], io: CliIO): Promise<number> {
  const { flags, rest, error } = readArgs(args, { boolean: [], string: ['request-url', 'name'] });
  const platform = rest[0];
  if (error || rest.length !== 1 || (platform !== 'slack' && platform !== 'discord'))
    return usageError(io, error ?? 'manifest needs a platform: slack or discord');
  if (platform === 'slack') {
    io.stdout.write(
      slackManifest({
        ...(flags['request-url'] !== undefined ? { requestUrl: flags['request-url'] } : {}),
        ...(flags.name !== undefined ? { name: flags.name } : {}),
      }),
    );
    return 0;
  }
  let appId: string | undefined = io.env.DISCORD_APP_ID?.trim() || undefined;
  if (!appId && io.env.DISCORD_TOKEN?.trim()) appId = discordTokenUserId(io.env.DISCORD_TOKEN.trim());
  io.stdout.write(discordManifest(appId));
  return 0;
}

async function register(args: string[], io: CliIO): Promise<number> {
  const { flags, rest, error } = readArgs(args, { boolean: [], string: ['guild'] });
  if (error || rest.length !== 1 || rest[0] !== 'discord')
    return usageError(io, error ?? 'register needs a platform: discord (Slack commands come from the manifest)');
  let env: BotEnv;
  try {
    env = parseEnv(io.env);
  } catch (e) {
    return reportStartupError(e, io, io.cwd ?? process.cwd());
  }
  if (!env.discord) {
    io.stderr.write('briefbot: DISCORD_TOKEN is not set: registering commands needs the bot token\n');
    return 1;
  }
  const guildId = flags.guild ?? env.discord.guildId;
  if (guildId !== undefined && !/^\d{15,21}$/.test(guildId)) {
    io.stderr.write(`--guild: expected a numeric server id, got ${guildId}\n`);
    return 2;
  }
  try {
    const result = await registerDiscordCommands({
      token: env.discord.token,
      appId: env.discord.appId,
      ...(guildId ? { guildId } : {}),
      ...(env.discord.apiUrl ? { restApi: env.discord.apiUrl } : {}),
    });
    io.stdout.write(
      result.scope === 'guild'
        ? `registered ${result.count} commands in server ${guildId} (available now)\n`
        : `registered ${result.count} commands globally (Discord may take up to an hour to show them everywhere)\n`,
    );
    return 0;
  } catch (e) {
    io.stderr.write(
      `briefbot: registering the Discord commands failed: ` +
        `${scrubSecrets((e as Error)?.message ?? String(e), io.env)}\n`,
    );
    return 1;
  }
}

/** The CLI, callable in-process (tests) or from the command line. Resolves to the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const [command, ...args] = argv;
  switch (command) {
    case 'start':
      return start(args, io, cwd);
    case 'ask':
      return ask(args, io, cwd);
    case 'check':
      return check(args, io, cwd);
    case 'model':
      return model(args, io, cwd);
    case 'manifest':
      return manifest(args, io);
    case 'register':
      return register(args, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      return usageError(io, `unknown command: ${command}`);
  }
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** The command line: `.env`, then main() on process.argv (bin/briefbot.js and `node dist/cli.js`). */
export function runCommandLine(): void {
  try {
    loadEnvFile(resolve('.env'), process.env);
  } catch (error) {
    process.stderr.write(`briefbot: ${(error as Error).message}\n`);
    process.exit(1);
  }
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    stdin: process.stdin,
    exit: (code) => process.exit(code),
  }).then(
    (code) => {
      process.exitCode = code;
      // `start` is over (stopped or the chat ended): don't let an open stdin or a lingering socket keep the process up.
      if (process.argv[2] === 'start') setImmediate(() => process.exit(code));
    },
    (error: unknown) => {
      process.stderr.write(`briefbot: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}

if (isEntryPoint()) runCommandLine();
