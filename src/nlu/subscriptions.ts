/**
 * Scheduled posts asked for in plain words: "send me a briefing every weekday at 8",
 * "unsubscribe me", "what am I subscribed to". A subscription needs a schedule word and a request
 * to post; the schedule is read by the one schedule parser the slash commands use.
 */
import type { Command } from '../queries/command.js';
import { parseSchedule } from '../schedule/spec.js';

const SCHEDULE_WORD =
  /\b(?:every|each|daily|weekly|hourly|weekdays?|weekends?|workdays|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b/;
const REQUEST = /\b(?:send|post|give|deliver|drop|dm|message|brief|remind|subscribe|schedule)\b/;
const POSTS = /\b(?:briefings?|digests?|summar(?:y|ies)|news|updates?|reminders?|roundups?|headlines)\b/;

/** "in the morning" / "evenings" with no time given: the usual hour (8:00, 18:00). */
function clockTimes(text: string): string {
  const timed = /\d/.test(text);
  return text
    .replace(/\b(?:in the )?mornings?\b/gi, timed ? ' ' : '8:00')
    .replace(/\b(?:in the )?evenings?\b/gi, timed ? ' ' : '18:00');
}

/** `text` is the normalised question, `original` the cleaned text as typed (its time zone keeps its slash). */
export function readSubscription(text: string, original: string = text): Command | undefined {
  if (
    /^(?:unsubscribe|stop (?:sending|posting|the|my|these|those|all)|cancel (?:my |the |this |all )?(?:subscriptions?|briefings?|digests?|reminders?))\b/.test(
      text,
    )
  ) {
    const id = /\b(?:unsubscribe|cancel)(?: subscription)? ([a-z0-9]*\d[a-z0-9]*)$/.exec(text)?.[1];
    return id ? { name: 'unsubscribe', id } : { name: 'unsubscribe' };
  }
  if (/\b(?:subscriptions|subscribed)\b/.test(text)) return { name: 'subscriptions' };
  if (!SCHEDULE_WORD.test(text) || !(REQUEST.test(text) || /^subscribe\b/.test(text)) || !POSTS.test(text))
    return undefined;
  const typed = original.toLowerCase();
  const at = SCHEDULE_WORD.exec(typed);
  const tail = (at ? original.slice(at.index) : text.slice(SCHEDULE_WORD.exec(text)!.index)).replace(/[?!.]+$/, '');
  const kind = /\bdigests?\b/.test(text) ? 'digest ' : /\breminders?\b/.test(text) ? 'reminders ' : '';
  const schedule = parseSchedule(kind + clockTimes(tail));
  if (!schedule.ok) return { name: 'help', topic: 'subscribe' };
  return {
    name: 'subscribe',
    schedule: schedule.cron,
    ...(schedule.timeZone ? { timeZone: schedule.timeZone } : {}),
    ...(schedule.kind ? { kind: schedule.kind } : {}),
  };
}
