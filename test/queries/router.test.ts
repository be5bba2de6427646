import { describe, expect, it } from 'vitest';
import { cleanInput, parseSubscribe, routeSlash, routeText } from '../../src/queries/router.js';

describe('routeText', () => {
  const cases: [string, unknown][] = [
    ['/brief', { name: 'summary', length: 'short' }],
    ['/brief short', { name: 'summary', length: 'short' }],
    ['/brief full', { name: 'summary', length: 'full' }],
    ['/brief full witkoff-call', { name: 'summary', length: 'full', article: 'witkoff-call' }],
    ['/brief public', { name: 'summary', length: 'short', public: true }],
    ['/brief public full geneva summit', { name: 'summary', length: 'full', public: true, article: 'geneva summit' }],
    ['/brief subscribe daily 08:00', { name: 'subscribe', schedule: '0 8 * * *' }],
    [
      '/brief subscribe daily 08:00 Europe/Moscow',
      { name: 'subscribe', schedule: '0 8 * * *', timeZone: 'Europe/Moscow' },
    ],
    ['/brief unsubscribe', { name: 'unsubscribe' }],
    ['/brief unsubscribe sub-3', { name: 'unsubscribe', id: 'sub-3' }],
    ['/brief subscriptions', { name: 'subscriptions' }],
    ['/whosaid Ushakov', { name: 'whosaid', person: 'Ushakov' }],
    ['/whosaid "man of peace"', { name: 'whosaid', phrase: 'man of peace' }],
    ['/whosaid “man of peace”', { name: 'whosaid', phrase: 'man of peace' }],
    ['/whosaid', { name: 'whosaid' }],
    ['/meeting', { name: 'event' }],
    ['/meeting Putin', { name: 'event', query: 'Putin' }],
    ['who said "man of peace"?', { name: 'whosaid', phrase: 'man of peace' }],
    ['Who said man of peas', { name: 'whosaid', phrase: 'man of peas' }],
    ['what did Witkoff say', { name: 'whosaid', person: 'Witkoff' }],
    ['What did the envoy say about the deal?', { name: 'whosaid', person: 'the envoy', about: 'the deal' }],
    ['quotes from Rep. Lieu', { name: 'whosaid', person: 'Rep. Lieu' }],
    ['who is Ushakov', { name: 'person', person: 'Ushakov' }],
    ["who's Yuri Ushakov?", { name: 'person', person: 'Yuri Ushakov' }],
    ['tell me about Trump', { name: 'person', person: 'Trump' }],
    ['when is the meeting', { name: 'event', ask: 'when', kinds: ['meeting'], words: ['meeting'] }],
    ['When is the meeting?', { name: 'event', ask: 'when', kinds: ['meeting'], words: ['meeting'] }],
    [
      'when will Witkoff meet Putin?',
      { name: 'event', ask: 'when', kinds: ['meeting'], words: ['witkoff', 'meet', 'putin'] },
    ],
    ['next meeting', { name: 'event', ask: 'when', kinds: ['meeting'], words: ['meeting'] }],
    ['summarize', { name: 'summary', length: 'short' }],
    ['summarise the article about Geneva', { name: 'summary', length: 'short', article: 'Geneva' }],
    ['summary full', { name: 'summary', length: 'full' }],
    ['brief me', { name: 'summary', length: 'short' }],
    ['help', { name: 'help' }],
    ['what can you do?', { name: 'help' }],
    ['', { name: 'help' }],
    ['   ', { name: 'help' }],
    ['<@U0123ABC> who is Ushakov', { name: 'person', person: 'Ushakov' }],
    ['<@!123456789012345678> /meeting', { name: 'event' }],
    ['"man of peace"', { name: 'whosaid', phrase: 'man of peace' }],
    ['😀🎉', { name: 'unknown', text: '😀🎉' }],
    ['hey briefbot, can you catch me up pls 🙏', { name: 'catchup' }],
    [
      'did Ushakov say anything about WhatsApp?',
      { name: 'whosaid', person: 'Ushakov', about: 'WhatsApp', check: true },
    ],
    ['who brought up the land swap', { name: 'topic', topic: 'the land swap' }],
    ['what else did he say', { name: 'whosaid', person: '', refers: ['person'] }],
    ['<!channel> @everyone', { name: 'unknown', text: '<!channel> @everyone' }],
  ];
  it.each(cases)('%s', (input, expected) => {
    expect(routeText(input)).toEqual(expected);
  });

  it('treats a bare known name as "who is"', () => {
    expect(routeText('Ushakov', (n) => n === 'Ushakov')).toEqual({ name: 'person', person: 'Ushakov' });
    expect(routeText('Ushakov')).toEqual({ name: 'search', text: 'Ushakov' });
  });

  it('copes with 10 000 characters quickly and cuts what it echoes', () => {
    const long = 'a'.repeat(10_000);
    const started = performance.now();
    const cmd = routeText(long);
    expect(performance.now() - started).toBeLessThan(200);
    expect(cmd.name).toBe('search');
    expect((cmd as { text: string }).text.length).toBeLessThanOrEqual(2000);
    expect(routeText(`who said "${'peace '.repeat(2000)}"`).name).toBe('whosaid');
  });
});

describe('routeSlash (platform slash commands give the arguments only)', () => {
  it('maps each command', () => {
    expect(routeSlash('brief', '')).toEqual({ name: 'summary', length: 'short' });
    expect(routeSlash('brief', 'full')).toEqual({ name: 'summary', length: 'full' });
    expect(routeSlash('whosaid', 'the envoy')).toEqual({ name: 'whosaid', person: 'the envoy' });
    expect(routeSlash('whosaid', "'man of peace'")).toEqual({ name: 'whosaid', phrase: 'man of peace' });
    expect(routeSlash('meeting', '')).toEqual({ name: 'event' });
  });
});

describe('parseSubscribe', () => {
  it('turns schedules into node-cron expressions', () => {
    expect(parseSubscribe('daily 8am')).toEqual({ name: 'subscribe', schedule: '0 8 * * *' });
    expect(parseSubscribe('weekdays 7:30 Europe/Berlin')).toEqual({
      name: 'subscribe',
      schedule: '30 7 * * 1-5',
      timeZone: 'Europe/Berlin',
    });
    expect(parseSubscribe('monday 9am')).toEqual({ name: 'subscribe', schedule: '0 9 * * 1' });
    expect(parseSubscribe('weekly friday 17:00')).toEqual({ name: 'subscribe', schedule: '0 17 * * 5' });
    expect(parseSubscribe('digest daily 18:00')).toEqual({ name: 'subscribe', schedule: '0 18 * * *', kind: 'digest' });
    expect(parseSubscribe('reminders hourly')).toEqual({ name: 'subscribe', schedule: '0 * * * *', kind: 'reminder' });
    expect(parseSubscribe('"0 8 * * 1-5" UTC')).toEqual({
      name: 'subscribe',
      schedule: '0 8 * * 1-5',
      timeZone: 'UTC',
    });
  });

  it('refuses what it cannot read (the router then shows subscription help)', () => {
    expect(parseSubscribe('daily 25:00')).toBeUndefined();
    expect(parseSubscribe('sometimes')).toBeUndefined();
    expect(parseSubscribe('"99 * * * *"')).toBeUndefined();
    expect(routeText('/brief subscribe whenever')).toEqual({ name: 'help', topic: 'subscribe' });
  });
});

describe('cleanInput', () => {
  it('drops control characters and the bot mention', () => {
    expect(cleanInput('<@U1|briefbot>:  hi\u0007 there')).toBe('hi there');
    expect(cleanInput('@briefbot, help')).toBe('help');
  });
});
