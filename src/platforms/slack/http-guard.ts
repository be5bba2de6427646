import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  HTTPModuleFunctions,
  HTTPReceiver,
  isRawBodyError,
  isValidSlackRequest,
  type CustomRoute,
  type Logger as BoltLogger,
} from '@slack/bolt';

/**
 * Bolt's HTTP receiver with a screen in front of `POST /slack/events`, for bodies Bolt itself
 * mishandles:
 * - a signed body that is not an object (JSON `null`, `payload=null`) crashes Bolt's handler after
 *   it has taken the request, so the request never gets a response: it gets 400 here;
 * - a slash command far longer than any question (megabytes of `text`) costs Bolt hundreds of
 *   milliseconds of parsing on the main thread: it is answered "too long" here, unparsed;
 * - any other body over MAX_EVENT_BYTES is refused with 413.
 * Everything else goes to Bolt as it is, already buffered (Bolt's BufferedIncomingMessage).
 */

/** Larger than any real event (a 40 000-character message with 50 blocks); Bolt parses anything below. */
const MAX_EVENT_BYTES = 1024 * 1024;

export interface GuardedReceiverOptions {
  signingSecret: string;
  customRoutes: CustomRoute[];
  logger: BoltLogger;
  /** Slash-command bodies over this many bytes skip parsing and get `tooLong` (they cannot be under the input cap). */
  slashBodyMaxBytes: number;
  /** The ack body for a command that is too long to read. */
  tooLong(): { text: string; blocks: unknown[] };
  onRefused?(what: { status: number; reason: string; bytes: number; user?: string }): void;
}

const OPEN_BRACE = 0x7b;

function firstNonSpace(buf: Buffer): number | undefined {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
  }
  return undefined;
}

/** One form field, decoded, without parsing the rest of the body. */
function formField(body: string, name: string): string | undefined {
  let start: number;
  if (body.startsWith(`${name}=`)) start = name.length + 1;
  else {
    const at = body.indexOf(`&${name}=`);
    if (at < 0) return undefined;
    start = at + name.length + 2;
  }
  const end = body.indexOf('&', start);
  const raw = body.slice(start, end < 0 ? undefined : end);
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

export function guardedReceiver(opts: GuardedReceiverOptions): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: opts.signingSecret,
    customRoutes: opts.customRoutes,
    logger: opts.logger,
  });
  const bolt = receiver.requestListener;

  const signed = (req: IncomingMessage, body: string) =>
    isValidSlackRequest({
      signingSecret: opts.signingSecret,
      body,
      headers: {
        'x-slack-signature': String(req.headers['x-slack-signature'] ?? ''),
        'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
      },
    });

  const refuse = (res: ServerResponse, status: number, reason: string, bytes: number) => {
    opts.onRefused?.({ status, reason, bytes });
    HTTPModuleFunctions.buildNoBodyResponse(res, status);
  };

  /** True when Bolt should handle the request; otherwise it has been answered here. */
  async function screen(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    let raw: Buffer;
    try {
      raw = (await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)).rawBody;
    } catch (error) {
      const tooLarge =
        isRawBodyError(error) &&
        ((error as { type?: string }).type === 'entity.too.large' ||
          (error as { statusCode?: number }).statusCode === 413);
      refuse(res, tooLarge ? 413 : 400, tooLarge ? 'body over the size limit' : 'unreadable body', 0);
      return false;
    }
    const form = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
    if (raw.length > opts.slashBodyMaxBytes) {
      const body = raw.toString('utf8');
      if (!signed(req, body)) {
        refuse(res, 401, 'bad signature', raw.length);
        return false;
      }
      if (form && (body.startsWith('command=') || body.includes('&command='))) {
        opts.onRefused?.({
          status: 200,
          reason: 'slash command too long',
          bytes: raw.length,
          user: formField(body, 'user_id'),
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ response_type: 'ephemeral', ...opts.tooLong() }));
        return false;
      }
      if (raw.length > MAX_EVENT_BYTES) {
        refuse(res, 413, 'body over the size limit', raw.length);
        return false;
      }
    }
    // Bolt reads `body.ssl_check` of whatever the body parses to: it must be an object.
    let shaped = true;
    if (!form) shaped = firstNonSpace(raw) === OPEN_BRACE;
    else if (raw.includes('payload=')) {
      const payload = formField(raw.toString('utf8'), 'payload');
      shaped = payload === undefined || payload.trimStart().startsWith('{');
    }
    if (!shaped) {
      const ok = signed(req, raw.toString('utf8'));
      refuse(res, ok ? 400 : 401, ok ? 'body is not a JSON object' : 'bad signature', raw.length);
      return false;
    }
    return true;
  }

  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST' || !(req.url ?? '').startsWith('/slack/events')) {
      bolt(req, res);
      return;
    }
    screen(req, res).then(
      (pass) => {
        if (pass) bolt(req, res);
      },
      () => {
        if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
      },
    );
  };
  return receiver;
}
