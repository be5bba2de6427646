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
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-111-222-secretvalue',
    DISCORD_TOKEN: 'discord-secret-token-value',
    SLACK_SIGNING_SECRET: 'signing-secret-abc',
  };

  it('never writes token values, in fields or in text', () => {
    const { lines, destination } = capture();
    const log = createLogger({ destination, env, level: 'info' });
    log.info(
      {
        env,
        token: env.DISCORD_TOKEN,
        headers: { authorization: 'Bearer abc' },
        config: { SLACK_APP_TOKEN: 'xapp-1-xyz' },
      },
      'starting',
    );
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

describe('logger: any field, any shape', () => {
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-111-222-secretvalue',
    DISCORD_TOKEN: 'MTIz.discord-secret.token-value-0000000000',
    SLACK_SIGNING_SECRET: 'sign\\ing"secret-42',
  };
  const lines = () => {
    const c = capture();
    return { ...c, log: createLogger({ destination: c.destination, env, level: 'info' }) };
  };

  it('a string err is one message, not a character per field, and is scrubbed', () => {
    const { lines: out, log } = lines();
    log.error({ err: `slack_error: invalid_auth for ${env.SLACK_BOT_TOKEN}` }, 'failed');
    const line = JSON.parse(out.join('')) as { err: Record<string, unknown> };
    expect(line.err).toEqual({ type: 'string', message: 'slack_error: invalid_auth for [Redacted]' });
    expect(Object.keys(line.err)).not.toContain('0');
  });

  it('a configured secret is removed from every field, however deep or however it is escaped', () => {
    const { lines: out, log } = lines();
    log.info(
      {
        note: { deep: [`a ${env.SLACK_SIGNING_SECRET} b`], other: `x${env.DISCORD_TOKEN}y` },
        [env.SLACK_BOT_TOKEN]: 1,
      },
      'deep',
    );
    log.warn({ error: { detail: env.SLACK_SIGNING_SECRET } }, `msg ${env.SLACK_SIGNING_SECRET}`);
    const all = out.join('');
    for (const secret of Object.values(env)) {
      expect(all).not.toContain(secret);
      expect(all).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
    expect(all).toContain('[Redacted]');
  });

  it('Discord interaction and webhook tokens are cut out of URLs in logged API errors', () => {
    const { lines: out, log } = lines();
    const token = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';
    const apiError = Object.assign(new Error('Unknown interaction'), {
      url: `https://discord.com/api/v10/interactions/1234567890123456789/${token}/callback?with_response=false`,
      status: 404,
    });
    log.error(
      {
        err: apiError,
        followUp: `https://discord.com/api/v10/webhooks/987654321098765432/${token}/messages/@original`,
      },
      'interaction failed',
    );
    const all = out.join('');
    expect(all).not.toContain(token);
    expect(all).toContain('/interactions/1234567890123456789/[Redacted]/callback');
    expect(all).toContain('/webhooks/987654321098765432/[Redacted]/messages');
  });
});
