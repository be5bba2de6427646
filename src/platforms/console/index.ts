import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Conversation } from '../../queries/command.js';
import type { Core } from '../../queries/core.js';
import { renderPlain } from '../../replies/plain.js';
import type { ChatGuard } from '../guard.js';

export interface ConsoleOptions {
  core: Core;
  input: Readable;
  output: Writable;
  /** Shown before each question when the input is a terminal. */
  prompt?: string;
  conversation?: Partial<Conversation>;
  /** The input length cap (the console has one person, so no rate limit). */
  guard?: ChatGuard;
}

const BYE = /^(quit|exit|bye|\/quit|\/exit)$/i;

/**
 * A chat on the terminal: the same text as in Slack or Discord (`/brief`, `who said "…"?`), answered
 * by the same core, rendered as plain text. Resolves when the input ends or the user types quit.
 */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  const interactive = (opts.input as Readable & { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({
    input: opts.input,
    output: interactive ? opts.output : undefined,
    terminal: interactive,
  });
  const conversation: Conversation = {
    platform: 'console',
    channelId: 'console',
    userId: 'console-user',
    canManageChannel: true,
    isDirect: true,
    conversationKey: 'console',
    ...opts.conversation,
  };
  const write = (text: string) => opts.output.write(`${text}\n`);
  const ask = async (line: string) => {
    if (opts.guard && line.length > opts.guard.limits.inputMaxChars) {
      write(renderPlain(opts.guard.tooLong(line.length)));
      return;
    }
    const answer = await opts.core.handle(opts.core.route(line), conversation);
    write(renderPlain(answer.reply));
  };
  // Take the iterator first: lines that arrive while the help is being written are buffered, not lost.
  const lines = rl[Symbol.asyncIterator]();
  await ask('help');
  write('Type a question, or "quit" to leave.');
  if (interactive) rl.setPrompt(opts.prompt ?? 'briefbot> ');
  if (interactive) rl.prompt();
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value;
    const text = line.trim();
    if (BYE.test(text)) break;
    if (text) {
      write('');
      await ask(text);
      write('');
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
