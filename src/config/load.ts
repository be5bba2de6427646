import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validate as validateCron } from 'node-cron';
import { Config } from './schema.js';
import { locateIssues, parseLocatedYaml, type LocatedIssue } from './yaml-location.js';

const DEFAULT_CONFIG_PATH = 'config/briefbot.yaml';

/** A config file that cannot be used: names the file, the line and the key at fault. */
export class ConfigError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly key?: string;
  readonly issues: LocatedIssue[];

  constructor(file: string, issues: LocatedIssue[]) {
    const lines = issues.map((i) => `${i.line ? `${file}:${i.line}` : file}: ${i.field}: ${i.message}`);
    super(lines.join('\n'));
    this.name = 'ConfigError';
    this.file = file;
    this.line = issues[0]?.line;
    this.key = issues[0]?.field;
    this.issues = issues;
  }
}

export interface LoadedConfig {
  config: Config;
  /** The file read, or null when no file exists at the default path and defaults apply. */
  file: string | null;
}

export interface LoadConfigOptions {
  /** Explicit path (e.g. a --config flag); else BRIEFBOT_CONFIG; else config/briefbot.yaml. */
  path?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Validates config text; `file` is only used in error messages. */
export function parseConfig(text: string, file: string): Config {
  const located = parseLocatedYaml(text);
  if (located.syntaxErrors.length) {
    throw new ConfigError(
      file,
      located.syntaxErrors.map((e) => ({ line: e.line, field: '(yaml)', message: `YAML syntax: ${e.message}` })),
    );
  }
  const raw = located.value ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new ConfigError(file, [
      { line: 1, field: '(top level)', message: 'the config must be a mapping of keys (key: value)' },
    ]);
  const parsed = Config.safeParse(raw);
  if (!parsed.success) throw new ConfigError(file, locateIssues(parsed.error.issues, located));
  const cronIssues: LocatedIssue[] = [];
  parsed.data.schedules.forEach((s, i) => {
    if (!validateCron(s.cron)) {
      cronIssues.push({
        line: located.lineOf(['schedules', i, 'cron']),
        field: `schedules[${i}].cron`,
        message: `“${s.cron}” is not a valid cron expression (5 or 6 fields, e.g. "0 8 * * 1-5")`,
      });
    }
  });
  if (cronIssues.length) throw new ConfigError(file, cronIssues);
  return parsed.data;
}

/** Loads and validates the config file; a missing default file means the defaults. */
export function loadConfig(opts: LoadConfigOptions = {}): LoadedConfig {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const explicit = opts.path ?? env.BRIEFBOT_CONFIG;
  const file = resolve(cwd, explicit ?? DEFAULT_CONFIG_PATH);
  if (!existsSync(file)) {
    if (explicit) throw new ConfigError(file, [{ field: '(file)', message: 'config file not found' }]);
    return { config: Config.parse({}), file: null };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, [{ field: '(file)', message: `cannot read: ${(error as Error).message}` }]);
  }
  return { config: parseConfig(text, file), file };
}
