import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load.js';
import { thrownBy } from '../support/wait.js';

const configError = (fn: () => unknown): ConfigError => thrownBy(fn, ConfigError);

describe('config', () => {
  it('loads the repository config and the example', () => {
    const repo = loadConfig({ env: {}, cwd: join(import.meta.dirname, '../..') });
    expect(repo.file).toMatch(/config[\\/]briefbot\.yaml$/);
    expect(repo.config).toMatchObject({ briefings: 'briefings', timeZone: 'UTC' });
    const example = loadConfig({ path: 'config/briefbot.example.yaml', env: {}, cwd: join(import.meta.dirname, '../..') });
    expect(example.config.schedules[0]).toMatchObject({ cron: '0 8 * * 1-5', post: 'briefing' });
  });

  it('uses BRIEFBOT_CONFIG, and defaults when the default file is absent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-config-'));
    expect(loadConfig({ env: {}, cwd: dir })).toEqual({ config: expect.objectContaining({ timeZone: 'UTC', briefings: 'briefings' }), file: null });
    writeFileSync(join(dir, 'mine.yaml'), 'timeZone: Asia/Tokyo\n');
    expect(loadConfig({ env: { BRIEFBOT_CONFIG: 'mine.yaml' }, cwd: dir }).config.timeZone).toBe('Asia/Tokyo');
    expect(configError(() => loadConfig({ env: { BRIEFBOT_CONFIG: 'missing.yaml' }, cwd: dir })).message).toMatch(/missing\.yaml: \(file\): config file not found/);
  });

  it('names file, line and key of a wrong value', () => {
    const e = configError(() => parseConfig('briefings: briefings\ntimeZone: Mars/Olympus\n', 'c.yaml'));
    expect(e).toMatchObject({ file: 'c.yaml', line: 2, key: 'timeZone' });
    expect(e.message).toBe('c.yaml:2: timeZone: not an IANA time zone (e.g. Europe/Berlin)');
  });

  it('names an unknown key and a YAML syntax error', () => {
    expect(configError(() => parseConfig('timeZone: UTC\nplatfroms: [slack]\n', 'c.yaml'))).toMatchObject({ line: 2, key: 'platfroms' });
    expect(configError(() => parseConfig('timeZone: UTC\nplatforms: [slack\n', 'c.yaml')).key).toBe('(yaml)');
  });

  it('validates cron expressions with node-cron and points at the schedule', () => {
    const text = [
      'schedules:',
      '  - name: ok',
      '    cron: "0 8 * * 1-5"',
      '    post: briefing',
      '    targets: [{ platform: slack, channel: C1 }]',
      '  - name: bad',
      '    cron: "99 8 * * *"',
      '    post: digest',
      '    targets: [{ platform: discord, channel: "1" }]',
    ].join('\n');
    const e = configError(() => parseConfig(text, 'c.yaml'));
    expect(e).toMatchObject({ line: 7, key: 'schedules[1].cron' });
    expect(e.message).toContain('not a valid cron expression');
  });

  it('names the key inside a list entry', () => {
    const e = configError(() => parseConfig('schedules:\n  - name: x\n    cron: "0 8 * * *"\n    post: tweet\n    targets: []\n', 'c.yaml'));
    expect(e.issues.map((i) => i.field)).toEqual(['schedules[0].post', 'schedules[0].targets']);
    expect(e.line).toBe(4);
  });
});
