import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubSecrets } from '../src/log.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, destination };
}

describe('logger', () => {
  const env = { SLACK_BOT_TOKEN: 'xoxb-111-222-secretvalue', DISCORD_TOKEN: 'discord-secret-token-value', SLACK_SIGNING_SECRET: 'signing-secret-abc' };

  it('never writes token values, in fields or in text', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination, env, level: 'info' });
    log.info({ env, token: env.DISCORD_TOKEN, headers: { authorization: 'Bearer abc' }, config: { SLACK_APP_TOKEN: 'xapp-1-xyz' } }, 'starting');
    log.warn(`login failed with ${env.SLACK_BOT_TOKEN} and ${env.DISCORD_TOKEN}`);
    log.error({ err: new Error(`bad token ${env.SLACK_SIGNING_SECRET}`) }, 'oops');
    const all = lines.join('');
    for (const secret of [...Object.values(env), 'xapp-1-xyz', 'Bearer abc']) expect(all).not.toContain(secret);
    expect(all).toContain('[Redacted]');
    expect(all).toContain('starting');
  });

  it('scrubs token shapes even when the env is unknown', () => {
    expect(scrubSecrets('token xoxb-1234-5678-abcdefgh here', {})).toBe('token [Redacted] here');
    expect(scrubSecrets('Authorization: Bearer eyJabc.def', {})).toBe('Authorization: Bearer [Redacted]');
  });

  it('respects LOG_LEVEL', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination, env: { LOG_LEVEL: 'warn' } });
    log.info('hidden');
    log.warn('shown');
    expect(lines.join('')).not.toContain('hidden');
    expect(lines.join('')).toContain('shown');
  });
});
