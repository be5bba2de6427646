import { describe, expect, it } from 'vitest';
import { detectTense, findDates, resolveWhen } from '../../src/ingest/dates.js';
import { When } from '../../src/model/article.js';

// A Wednesday.
const PUBLISHED = '2025-11-26';

function only(text: string, publishedAt: string | undefined = PUBLISHED) {
  const found = findDates(text, publishedAt);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  const mention = found[0]!;
  expect(When.parse(mention.when)).toEqual(mention.when);
  expect(text.slice(mention.index, mention.index + mention.text.length)).toBe(mention.text);
  return mention;
}

function day(text: string, publishedAt?: string): string | undefined {
  const { when } = only(text, publishedAt);
  expect(when.precision).toBe('day');
  expect(when.start).toBe(when.end);
  return when.start;
}

describe('weekdays', () => {
  it('a past-tense weekday is the most recent one', () => {
    expect(day('The minister resigned on Tuesday.')).toBe('2025-11-25');
    expect(day('The report published Tuesday shows the gap.')).toBe('2025-11-25');
    expect(day('The council voted on Monday to close the depot.')).toBe('2025-11-24');
    expect(day('Police said on Thursday the road had reopened.')).toBe('2025-11-20');
  });

  it('a past-tense weekday equal to the published day is that same day', () => {
    expect(day('The mayor said on Wednesday that talks would resume.')).toBe('2025-11-26');
  });

  it('a future-tense weekday is the next one', () => {
    expect(day('The committee will vote on Friday.')).toBe('2025-11-28');
    expect(day('The envoy is set to arrive on Monday.')).toBe('2025-12-01');
    expect(day('Talks are scheduled for Saturday.')).toBe('2025-11-29');
  });

  it('a fronted weekday takes the tense of the main verb after it', () => {
    expect(day('On Monday, the governor announced a new budget.')).toBe('2025-11-24');
    expect(day('On Friday, the union will hold a strike vote.')).toBe('2025-11-28');
    expect(day('Sunday, the leader of the party, a former judge, stepped down.')).toBe('2025-11-23');
  });

  it('a weekday alone, with nothing to tell the tense, looks back', () => {
    expect(day('Thursday')).toBe('2025-11-20');
    expect(day('Wednesday')).toBe('2025-11-26');
  });

  it('"last", "next" and "this" fix the direction', () => {
    expect(day('She arrived last Wednesday.')).toBe('2025-11-19');
    expect(day('She arrives next Wednesday.')).toBe('2025-12-03');
    expect(day('The vote is this Friday.')).toBe('2025-11-28');
  });

  it('every weekday, from every published weekday: past looks back 0–6 days, future ahead 0–6', () => {
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    // 2025-11-23 is a Sunday; publish on each day of that week.
    for (let p = 0; p < 7; p++) {
      const published = `2025-11-${23 + p}`;
      names.forEach((name, weekday) => {
        const past = Date.parse(day(`The board met on ${name}.`, published)!);
        const future = Date.parse(day(`The board will meet on ${name}.`, published)!);
        const ref = Date.parse(published);
        expect(new Date(past).getUTCDay()).toBe(weekday);
        expect(new Date(future).getUTCDay()).toBe(weekday);
        expect((ref - past) / 86_400_000).toBe((p - weekday + 7) % 7);
        expect((future - ref) / 86_400_000).toBe((weekday - p + 7) % 7);
      });
    }
  });

  it('"Monday night" is a day', () => {
    expect(day('The aide resigned Monday night, officials said.')).toBe('2025-11-24');
  });

  it('abbreviated weekdays alone are not dates (the Sun is a newspaper)', () => {
    expect(findDates('The Sun reported the story.', PUBLISHED)).toEqual([]);
  });
});

describe('yesterday, today, tomorrow', () => {
  it('resolve against the published date', () => {
    expect(day('The mayor died yesterday.')).toBe('2025-11-25');
    expect(day('The court rules today.')).toBe('2025-11-26');
    expect(day('The court rules tomorrow.')).toBe('2025-11-27');
    expect(day('The fire started last night.')).toBe('2025-11-25');
    expect(day('Crowds gathered this evening.')).toBe('2025-11-26');
    expect(day('Yesterday, the queen agreed.')).toBe('2025-11-25');
  });
});

describe('weeks', () => {
  it('"next week" is the Monday–Sunday week after the published week', () => {
    const { when, text } = only('The envoy is set to visit the capital next week.');
    expect(text).toBe('next week');
    expect(when).toEqual({ text: 'next week', precision: 'week', start: '2025-12-01', end: '2025-12-07' });
  });

  it('"this week" and "last week"', () => {
    expect(only('The assembly took place this week.').when).toMatchObject({
      precision: 'week',
      start: '2025-11-24',
      end: '2025-11-30',
    });
    expect(only('Last week the agency released a summary.').when).toMatchObject({
      precision: 'week',
      start: '2025-11-17',
      end: '2025-11-23',
    });
  });

  it('"next week" on a Sunday is the week starting the next day', () => {
    expect(only('They meet next week.', '2025-11-30').when).toMatchObject({ start: '2025-12-01', end: '2025-12-07' });
  });

  it('"the coming week" is the seven days after publication', () => {
    expect(only('More subpoenas are likely in the coming week.').when).toMatchObject({
      precision: 'week',
      start: '2025-11-27',
      end: '2025-12-03',
    });
  });

  it('"this weekend" looks back in a past-tense clause and ahead otherwise', () => {
    expect(only('Protesters marched this weekend.').when).toMatchObject({
      precision: 'week',
      start: '2025-11-22',
      end: '2025-11-23',
    });
    expect(only('Protesters will march this weekend.').when).toMatchObject({ start: '2025-11-29', end: '2025-11-30' });
  });

  it('"two weeks ago" is a week', () => {
    expect(only('The deal collapsed two weeks ago.').when).toMatchObject({
      precision: 'week',
      start: '2025-11-10',
      end: '2025-11-16',
    });
  });
});

describe('months', () => {
  it('"last month", "this month", "next month"', () => {
    expect(only('Prices rose last month.').when).toEqual({
      text: 'last month',
      precision: 'month',
      start: '2025-10-01',
      end: '2025-10-31',
    });
    expect(only('Prices rose this month.').when).toMatchObject({
      precision: 'month',
      start: '2025-11-01',
      end: '2025-11-30',
    });
    expect(only('Prices will rise next month.').when).toMatchObject({
      precision: 'month',
      start: '2025-12-01',
      end: '2025-12-31',
    });
    expect(only('Prices rose earlier this month.').when).toMatchObject({ precision: 'month', start: '2025-11-01' });
  });

  it('"last month" in January is December of the year before', () => {
    expect(only('Sales fell last month.', '2026-01-15').when).toMatchObject({ start: '2025-12-01', end: '2025-12-31' });
  });

  it('a bare month takes the year that keeps it in the past for past tense, ahead for future', () => {
    expect(only('The protests began in June.').when).toMatchObject({
      precision: 'month',
      start: '2025-06-01',
      end: '2025-06-30',
    });
    expect(only('He served as envoy until December.').when).toMatchObject({ start: '2024-12-01', end: '2024-12-31' });
    expect(only('Parliament will sit again in December.').when).toMatchObject({ start: '2025-12-01' });
    expect(only('Parliament will sit again in March.').when).toMatchObject({ start: '2026-03-01' });
  });

  it('"early this June", "late last July", "mid-October" keep month precision', () => {
    const june = only('Crowds have filled the streets since early this June.', '2019-09-06');
    expect(june.text).toBe('early this June');
    expect(june.when).toMatchObject({ precision: 'month', start: '2019-06-01', end: '2019-06-30' });
    expect(only('The call was made late last July.', '2019-09-06').when).toMatchObject({ start: '2019-07-01' });
    expect(only('The writer was killed last October.', '2019-09-06').when).toMatchObject({ start: '2018-10-01' });
    expect(only('The results come in mid-October.', '2019-09-06').when).toMatchObject({
      precision: 'month',
      start: '2019-10-01',
    });
  });

  it('a month with a year is explicit', () => {
    expect(only('She has led the agency since April 2018.').when).toMatchObject({
      precision: 'month',
      start: '2018-04-01',
      end: '2018-04-30',
    });
  });

  it('"may" and "march" as ordinary words are not months', () => {
    expect(findDates('The minister may resign. Thousands march on the capital.', PUBLISHED)).toEqual([]);
    expect(only('The law took effect in May.').when).toMatchObject({ start: '2025-05-01' });
  });
});

describe('month and day', () => {
  it('"Oct. 14" in a past-tense sentence is the latest Oct. 14 not after publication', () => {
    const m = only('The call, which took place on Oct. 14, was recorded.');
    expect(m.text).toBe('on Oct. 14');
    expect(m.when).toMatchObject({ precision: 'day', start: '2025-10-14', end: '2025-10-14' });
  });

  it('"March 3" in a past-tense sentence goes back a year when needed', () => {
    expect(day('The treaty was signed March 3.')).toBe('2025-03-03');
    expect(day('The treaty was signed March 3.', '2025-02-01')).toBe('2024-03-03');
  });

  it('a future-tense month and day moves forward', () => {
    expect(day('The leaders will meet on March 3.')).toBe('2026-03-03');
    expect(day('The court is to rule on Dec. 5.')).toBe('2025-12-05');
    expect(day('Officials plan to leave the bloc by October 31.', '2019-08-29')).toBe('2019-10-31');
  });

  it('an infinitive of intent counts as future ("committed to leaving by …")', () => {
    expect(day('I am committed to leaving the union by Oct. 31.', '2019-08-29')).toBe('2019-10-31');
  });

  it('an explicit date with its weekday and year', () => {
    const m = only('The adviser arrives at the palace, Monday, Oct. 27, 2025. (Photo agency)');
    expect(m.text).toBe('Monday, Oct. 27, 2025');
    expect(m.when).toMatchObject({ precision: 'day', start: '2025-10-27' });
    expect(day('He entered the building on October 2 2018, seeking papers.')).toBe('2018-10-02');
    expect(day('The vote is set for 2026-01-15.')).toBe('2026-01-15');
  });
});

describe('times', () => {
  it('a time with a date is an instant', () => {
    const m = only('The leaders will speak at 3 p.m. on Friday.');
    expect(m.when).toMatchObject({ precision: 'instant', start: '2025-11-28T15:00:00', end: '2025-11-28T15:00:00' });
  });

  it('a zone abbreviation gives an offset, and a bracketed conversion between time and date is kept', () => {
    const m = only('The crash happened around 8:30 p.m. BST (1930 UTC) on August 27.', '2019-10-10');
    expect(m.text).toBe('8:30 p.m. BST (1930 UTC) on August 27');
    expect(m.when).toMatchObject({ precision: 'instant', start: '2019-08-27T20:30:00+01:00' });
  });

  it('a time alone, or "now", is not a date', () => {
    expect(findDates('“Now, me to you,” he said at 3 p.m.', PUBLISHED)).toEqual([]);
  });
});

describe('without a published date', () => {
  it('explicit dates resolve; relative ones stay unknown, without start or end', () => {
    const found = findDates('They met on Oct. 27, 2025 and will meet again next week.');
    expect(found.map((f) => f.when)).toEqual([
      { text: 'on Oct. 27, 2025', precision: 'day', start: '2025-10-27', end: '2025-10-27' },
      { text: 'next week', precision: 'unknown' },
    ]);
  });
});

describe('findDates and resolveWhen', () => {
  it('returns every mention in order with its offset', () => {
    const text = 'The call took place on Oct. 14. In the recording published Tuesday, the envoy will return next week.';
    const found = findDates(text, PUBLISHED);
    expect(found.map((f) => [f.text, f.when.start])).toEqual([
      ['on Oct. 14', '2025-10-14'],
      ['Tuesday', '2025-11-25'],
      ['next week', '2025-12-01'],
    ]);
  });

  it('relative offsets chrono would guess at are left out', () => {
    expect(findDates('The vote comes two weeks before the deadline. The next hours will decide.', PUBLISHED)).toEqual(
      [],
    );
  });

  it('resolveWhen gives the first expression, or undefined', () => {
    expect(resolveWhen('next week', PUBLISHED)).toEqual({
      text: 'next week',
      precision: 'week',
      start: '2025-12-01',
      end: '2025-12-07',
    });
    expect(resolveWhen('2025-12-03')).toMatchObject({ precision: 'day', start: '2025-12-03' });
    expect(resolveWhen('no date here', PUBLISHED)).toBeUndefined();
  });
});

describe('detectTense', () => {
  const tenseOf = (sentence: string, phrase: string) => {
    const i = sentence.indexOf(phrase);
    return detectTense(sentence, i, i + phrase.length);
  };
  it('reads the verb governing the date', () => {
    expect(tenseOf('The envoy is set to visit the capital next week.', 'next week')).toBe('future');
    expect(tenseOf('The aide spoke to local radio on Friday.', 'on Friday')).toBe('past');
    expect(tenseOf('Parliament would meet briefly in early September.', 'early September')).toBe('future');
    expect(tenseOf('He is to present his plans on October 14.', 'on October 14')).toBe('future');
    expect(tenseOf('On Monday, the mayor announced the plan.', 'On Monday')).toBe('past');
    expect(tenseOf('Friday.', 'Friday')).toBe('unknown');
  });
});

describe('ranges, weeks, zones and days counted from another (issue 12)', () => {
  const with_ = (text: string, published = PUBLISHED) => findDates(text, published, { times: true, relative: true });

  it('"Nov. 4-5", "from 9 to 12 June", "between 3 and 5 March", "Sept. 22 to Sept. 26": start and end days', () => {
    expect(only('The hearing is on Nov. 4-5.', '2025-10-08').when).toMatchObject({
      precision: 'day',
      start: '2025-11-04',
      end: '2025-11-05',
    });
    expect(only('The summit runs from 9 to 12 June.', '2026-01-10').when).toMatchObject({
      start: '2026-06-09',
      end: '2026-06-12',
    });
    expect(only('Talks are planned between 3 and 5 March.', '2026-01-10').when).toMatchObject({
      start: '2026-03-03',
      end: '2026-03-05',
    });
    expect(only('It runs from Sept. 22 to Sept. 26.', '2025-07-21').when).toMatchObject({
      start: '2025-09-22',
      end: '2025-09-26',
    });
  });

  it('"on Wednesday and Thursday" is two days; "the week of 15 September" a week from its Monday', () => {
    expect(only('Talks will be held on Wednesday and Thursday.', '2026-02-23').when).toMatchObject({
      start: '2026-02-25',
      end: '2026-02-26',
    });
    expect(only('A hearing is expected in the week of 17 September.', '2025-09-01').when).toMatchObject({
      precision: 'week',
      start: '2025-09-15',
      end: '2025-09-21',
    });
  });

  it('a zone is kept as written: "9:30 a.m. EST" is -05:00 even in summer, "10:00 CET" +01:00', () => {
    expect(only('They will meet at 9:30 a.m. EST on Thursday.', '2026-03-10').when.start).toBe(
      '2026-03-12T09:30:00-05:00',
    );
    expect(only('The speech is on Sept. 9 at 10:00 a.m. CET.', '2025-09-01').when.start).toBe(
      '2025-09-09T10:00:00+01:00',
    );
  });

  it('with times: a time alone is reported; "1400 GMT on Friday" is one instant; "local time" is marked', () => {
    expect(with_('Liftoff is set for 14:05 GMT.')[0]).toMatchObject({
      when: { precision: 'unknown' },
      time: { hour: 14, minute: 5, offset: 0 },
    });
    expect(with_('The vote closes at 1400 GMT on Friday.')[0]!.when).toMatchObject({
      precision: 'instant',
      start: '2025-11-21T14:00:00Z',
    });
    expect(with_('Kick-off is at 20:15 local time on Saturday.')[0]).toMatchObject({
      when: { start: '2025-11-29T20:15:00' },
      time: { local: true },
    });
    expect(findDates('Liftoff is set for 14:05 GMT.', PUBLISHED)).toEqual([]);
  });

  it('with relative: "the following day", "two days later", "the day before the launch", "on the first day of the trip"', () => {
    expect(with_('She left the following day.')[0]!.relative).toEqual({ days: 1 });
    expect(with_('Two days later, he resigned.')[0]!.relative).toEqual({ days: 2 });
    expect(with_('They will speak the day before the launch.')[0]!.relative).toEqual({ days: -1, anchor: 'launch' });
    expect(with_('He meets her on the first day of the trip.')[0]!.relative).toEqual({
      days: 0,
      ordinal: true,
      anchor: 'trip',
    });
  });

  it('a participle after "will be" is to come; "are expected" is now; an adjective is no verb', () => {
    expect(only('Data will be released on Oct. 10.', '2025-10-08').when.start).toBe('2025-10-10');
    expect(
      only('The court will hear the case of jailed journalist Ali Reza on Sept. 8.', '2025-07-21').when.start,
    ).toBe('2025-09-08');
  });

  it('retense resolves a bare day in another tense', () => {
    const [m] = findDates('The board cancelled Thursday’s vote.', PUBLISHED);
    expect(m!.when.start).toBe('2025-11-20');
    expect(m!.retense!('future').start).toBe('2025-11-27');
  });
});

describe('month lengths', () => {
  it('knows leap years, century years included', () => {
    expect(resolveWhen('The vote is on Feb. 29, 2024.', '2024-01-10')?.start).toBe('2024-02-29');
    expect(resolveWhen('The vote is on Feb. 29, 2000.', '2000-01-10')?.start).toBe('2000-02-29');
    expect(resolveWhen('The vote is on Feb. 29, 2023.', '2023-01-10')).toBeUndefined();
    expect(resolveWhen('The vote is on Feb. 29, 1900.', '1900-01-10')).toBeUndefined();
    expect(resolveWhen('It ends on 31 April.', '2025-03-01')).toBeUndefined();
    expect(resolveWhen('The poll is in February 2100.', '2100-01-01')?.end).toBe('2100-02-28');
  });
  it('reads each article against its own published date', () => {
    expect(resolveWhen('The vote is on Feb. 29.', '2024-01-10')?.start).toBe('2024-02-29');
    expect(resolveWhen('The vote is on Feb. 29.', '2025-01-10')).toBeUndefined();
    expect(resolveWhen('The vote is on Feb. 29.', '2024-01-10')?.start).toBe('2024-02-29');
  });
});
