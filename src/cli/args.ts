import { relative } from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `briefbot: news briefings in Slack, Discord and the terminal

Usage:
  briefbot start                      run the bot (Slack/Discord when their tokens are set, else the console chat)
  briefbot ask [--json] [--now ISO] [--briefings DIR] TEXT
                                      answer one question, e.g. briefbot ask "/meeting"
                                      (DIR may hold .md briefings and .txt articles with a Published: line)
  briefbot check [--briefings DIR]    validate the config and every briefing (exit 1 on errors)
  briefbot model [--json] [--published YYYY-MM-DD] FILE
                                      the derived article model of a briefing .md or a plain .txt
  briefbot manifest slack [--request-url URL] [--name NAME]
                                      the Slack app manifest (Socket Mode, or HTTP with --request-url)
  briefbot manifest discord           Discord setup steps, commands and the invite link
  briefbot register discord [--guild ID]
                                      register the Discord slash commands (a server: instant; else global)

Options:
  --config FILE   config file (default: $BRIEFBOT_CONFIG or config/briefbot.yaml)
  --tz ZONE       time zone for dates in answers (default: the config's timeZone)

Environment: SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET and PORT
(HTTP mode); DISCORD_TOKEN (DISCORD_APP_ID, DISCORD_GUILD_ID, DISCORD_REGISTER_ON_START optional);
BRIEFBOT_CONFIG; LOG_LEVEL; HEALTH_PORT. A .env file in the working directory fills in what is not set.
SIGTERM or Ctrl-C finishes answers and posts in flight, then exits.
`;

/** The options a command takes: string options' values, and whether each boolean one was given. */
export type Flags<S extends string = string, B extends string = never> = Partial<
  Record<S, string> & Record<B, boolean>
>;

/** node:util parseArgs, with its errors said the way the usage text says options. */
export function readArgs<S extends string = never, B extends string = never>(
  args: string[],
  spec: { boolean: readonly B[]; string: readonly S[] },
): { flags: Flags<S, B>; rest: string[]; error?: string } {
  const options = Object.fromEntries([
    ...spec.boolean.map((name) => [name, { type: 'boolean' as const }]),
    ...spec.string.map((name) => [name, { type: 'string' as const }]),
  ]);
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { flags: values as Flags<S, B>, rest: positionals };
  } catch (error) {
    const e = error as Error & { code?: string };
    const option = /'(-[^' ]+)/.exec(e.message)?.[1] ?? '';
    const said =
      e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option ${option}`
        : e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `${option} needs a value`
          : e.message;
    return { flags: {}, rest: [], error: said };
  }
}

export function describe(file: string, cwd: string, e: { line?: number; field?: string; message: string }): string {
  const shown = relative(cwd, file) || file;
  return `${shown}${e.line ? `:${e.line}` : ''}: ${e.field ? `${e.field}: ` : ''}${e.message}`;
}

/** A command line that does not parse: what is wrong, then the usage. */
export function usageError(io: { stderr: { write(text: string): unknown } }, problem: string): number {
  io.stderr.write(`${problem}\n\n${USAGE}`);
  return 2;
}
