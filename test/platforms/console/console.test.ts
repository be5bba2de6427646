import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { runConsole } from '../../../src/platforms/console/index.js';
import { ChatGuard } from '../../../src/platforms/guard.js';
import { createCore } from '../../../src/queries/index.js';
import { fixtureLibrary } from '../../support/fixtures.js';

async function chat(lines: string[], guard?: ChatGuard): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const core = createCore({ library: fixtureLibrary(), clock: fixedClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' });
  const done = runConsole({ core, input, output, ...(guard ? { guard } : {}) });
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await done;
  return out;
}

describe('console chat', () => {
  it('shows help on start and answers the same text as Slack and Discord', async () => {
    const out = await chat(['/meeting', 'who said "man of peas"?', '/whosaid the envoy', '/brief']);
    expect(out.indexOf('briefbot: news briefings in chat')).toBe(0);
    expect(out).toContain('Upcoming: next week, the week of 1 December 2025; it begins in 3 days.');
    expect(out).toContain('No exact match; the closest words are “man of peace”');
    expect(out).toContain('What Steve Witkoff said');
    expect(out).toContain('Russia denies leaking Witkoff call');
  });

  it('a line over the input cap is refused before it is parsed', async () => {
    const out = await chat(
      ['x'.repeat(10_000), '/meeting'],
      new ChatGuard({ clock: fixedClock('2025-11-28T12:00:00Z') }),
    );
    expect(out).toContain('That is too long for me to read: 10,000 characters, and I read at most 4,000.');
    expect(out).toContain('Witkoff–Putin meeting');
  });

  it('stops at quit and ignores blank lines', async () => {
    const out = await chat(['', 'quit', '/meeting']);
    expect(out).not.toContain('Witkoff–Putin meeting');
  });

  it('survives hostile input', async () => {
    const out = await chat(['😀', '<!channel> @everyone', 'x'.repeat(10_000), '\u001b[2J', '/meeting']);
    expect(out).toContain('I did not understand “<!channel> @everyone”.');
    expect(out).not.toContain('\u001b');
    expect(out).toContain('Witkoff–Putin meeting');
  });
});
