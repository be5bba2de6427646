import type { EventStatus } from '../model/article.js';

/**
 * What a clause says of its event, read from the words around the event's trigger: cancelled,
 * postponed, declined, hypothetical, background, or its tense (took place, or to come).
 */

export type Tense = 'past' | 'future' | 'present' | 'unknown';

const HYPOTHETICAL =
  /\b(?:if|unless|whether|could|might|would\s+(?:like|love|be\s+(?:willing|ready|open|happy|prepared))|willing\s+to|open\s+to|hopes?\s+to|hoped\s+to|possible|possibly|possibility|potential|potentially|proposed|propose[sd]?|suggested|considering|consider(?:s|ed)?\s+(?:a|an|holding)|mooted|no\s+plans?|no\s+such|there\s+will\s+be\s+no|there\s+was\s+no|is\s+not\s+planned|are\s+not\s+planned|was\s+not\s+planned|not\s+on\s+the\s+agenda|rumou?red|speculat\w*)\b/i;
const DECLINED =
  /\b(?:declined|declines|declining|refused|refuses|refusing|rejected|rejects|turned\s+down|turns\s+down|ruled\s+out|rules\s+out|won['’]t|will\s+not|would\s+not|did\s+not|does\s+not|do\s+not|didn['’]t|doesn['’]t|has\s+not|have\s+not|had\s+not|never|no\s+longer|not\s+to)\b/i;
const BACKGROUND =
  /\b(?:twice|three\s+times|four\s+times|five\s+times|several\s+times|many\s+times|numerous\s+times|a\s+number\s+of\s+times|multiple\s+times|\d+\s+times|repeatedly|often|regularly|frequently|routinely|occasionally|on\s+several\s+occasions|on\s+many\s+occasions|in\s+the\s+past|previous\s+(?:rounds|meetings|talks|visits|summits|calls|votes|elections|hearings|trials)|earlier\s+rounds|past\s+(?:rounds|meetings|visits|summits))\b/i;
const CANCELLED =
  /\b(?:cancel(?:l?ed|s|ling|lation)?|called\s+off|call\s+off|calls\s+off|calling\s+off|scrapped|scraps?|scrapping|axed|abandoned|dropped|shelved|will\s+not\s+(?:take\s+place|go\s+ahead)|won['’]t\s+(?:take\s+place|go\s+ahead)|is\s+off|was\s+off|has\s+been\s+off)\b/i;
const POSTPONED =
  /\b(?:adjourned|adjourn(?:s|ing)?|postpone[ds]?|postponing|postponement|(?<!\b(?:about|over|on|of|for|after|despite|behind)\s+(?:the|a|this|that|any)\s+)delay(?:ed|s|ing)?|later\s+than\s+(?:first\s+|originally\s+)?(?:planned|scheduled|expected)|pushed\s+back|push\s+back|put\s+off|deferred|defer(?:s|ring)?|rescheduled?|rescheduling|moved\s+(?:to|back|forward|up)|brought\s+forward|will\s+now\s+(?:be\s+)?(?:held|played|take\s+place|go\s+ahead|launch|lift\s+off|open|start|begin|meet|convene))\b/i;
/** Words that tell of an earlier plan, not of the event as it stands ("had been scheduled for"). */
export const HISTORY =
  /\b(?:had\s+been|was\s+(?:first|originally|initially)|were\s+(?:first|originally|initially)|first\s+planned|originally|initially)\b/i;

const FUTURE =
  /\b(?:will|shall|won['’]t|['’]ll|is\s+to|are\s+to|(?:is|are|was|were|be)\s+(?:set|scheduled|slated|expected|due|poised|going|about|planned|likely)\s+to|(?:is|are)\s+(?:set|scheduled|slated|planned|due)\s+for|set\s+for|scheduled\s+for|slated\s+for|planned\s+for|due\s+(?:to|on|in|for)|plans?\s+to|intends?\s+to|aims?\s+to|expects?\s+to|agreed\s+to|agree\s+to|promised\s+to|vowed\s+to|pledged\s+to|decided\s+to|prepar(?:es|ing)\s+to|upcoming|forthcoming|planned|would|next|coming)\b/i;
const PAST =
  /\b(?:met|held|took\s+place|was|were|had|did|visited|spoke|voted|won|lost|drew|beat|came\s+out|went|sat\s+down|travell?ed|flew|arrived|appeared|testified|launched|released|published|leaked|opened|hosted|received|welcomed|convicted|sentenced|survived|last|ago|earlier|previously|broke\s+down|collapsed|ended|concluded|booked|presented)\b/i;
const PRESENT =
  /\b(?:is|are|runs|opens|starts|begins|takes\s+place|play|plays|faces|face|meets|meet|visits|holds|hold|kicks\s+off|kick\s+off)\b/i;

export interface StatusContext {
  /** The clause around the trigger, quotes blanked. */
  clause: string;
  /** The clause from its start to the trigger, when `left` starts after an earlier event of the clause. */
  clauseLeft?: string;
  /** The words of the clause before the trigger. */
  left: string;
  /** The words after it, to the end of the clause. */
  right: string;
  /** The words from the first trigger of the event to its last ("match will now be played"). */
  span?: string;
  /** A noun trigger: its tense is the verb after it as often as before it ("talks were held"). */
  noun: boolean;
}

/** The status words of a clause, strongest first. Tense is decided by the caller, with the date. */
export function statusWords(c: StatusContext): EventStatus | undefined {
  // A noun's verb may come after its modifiers: "The meeting between A and B planned for Tuesday has been postponed".
  const near = `${c.left.slice(-90)} ${c.span ?? ''} ${c.right.slice(0, c.noun ? 120 : 70)}`;
  // The condition is before the event ("could follow", "if needed, would be held") or an "if" after it;
  // "decide whether …" after the trigger is a question the event answers, not a condition.
  const conditionLeft = c.clauseLeft ?? c.left;
  if (HYPOTHETICAL.test(conditionLeft) || /\bmay\s+(?!\d)/.test(conditionLeft) || /\bif\b/i.test(c.right))
    return 'hypothetical';
  // "A meeting with X could follow": the noun's own verb is a maybe.
  if (
    c.noun &&
    /^[^,;]{0,50}?\b(?:could|might|may)\s+(?:\w+\s+)?(?:follow|take\s+place|happen|come|be\s+held|go\s+ahead|occur)\b/.test(
      c.right,
    )
  )
    return 'hypothetical';
  if (CANCELLED.test(near)) return 'cancelled';
  if (POSTPONED.test(near)) return 'postponed';
  if (
    DECLINED.test(c.left.slice(-40)) ||
    (c.noun && /^\s*(?:\S+\s+){0,4}?(?:was|is|were|are|will\s+be)\s+not\b/i.test(c.right))
  )
    return 'declined';
  if (
    BACKGROUND.test(`${c.left.slice(-50)} ${c.span ?? ''} ${c.right.slice(0, 45)}`) ||
    /\b(?:have|has|had)\s+(?:(?:\w+ly|also|already|now)\s+)?(?:met|spoken|talked|visited|held)\b[^.]*\bbefore\b/i.test(
      c.clause,
    )
  )
    return 'background';
  return undefined;
}

/**
 * A later clause of the sentence that changes the plan the event's clause gave: "The summit was
 * planned for October, but was moved to Nov. 20", "… and has since been called off". Only a
 * clause that goes on with the same subject (no new one of its own).
 */
export function laterChange(rest: string): 'cancelled' | 'postponed' | undefined {
  const head = /^[\s,;—–-]*(?:but|and|only\s+to\s+be)\s+([^,;.]{0,60})/i.exec(rest)?.[1];
  if (
    !head ||
    !/^(?:(?:it|they|this|that)\s+)?(?:was|were|has|have|had|is|are|got|been|later|then|since|now)\b/i.test(head)
  )
    return undefined;
  if (CANCELLED.test(head)) return 'cancelled';
  if (POSTPONED.test(head)) return 'postponed';
  return undefined;
}

/** The tense of the event's own verb group: left of a verb trigger; for a noun, the verb after it too. */
export function eventTense(c: StatusContext, trigger?: string): Tense {
  const left = c.left.slice(-70);
  // The trigger's own verb: "travelled on to", "appeared before", "will hear the case".
  if (trigger) {
    if (/^(?:will|shall|would|to)\b/.test(trigger)) return 'future';
    const head = trigger.split(/\s+/)[0]!;
    const previous = left.trim().split(/\s+/).slice(-2).join(' ').toLowerCase();
    // A timetable present: "goes on trial on Monday", "the ultimatum expires on Friday", "Kings Park play Eastfield".
    if (
      (/^(?:go|goes|expires?|runs?|takes?|comes?|enters?|lapses?|polls|plays|faces|hosts|meets|visits|votes|holds|opens|starts|begins|resumes?|kicks)$/.test(
        head,
      ) ||
        // A side is plural in British sports copy: "the side then travel to Dorking on Tuesday".
        /^(?:travel|travels|head|heads|play|face|host)$/.test(head)) &&
      !/\b(?:will|to|would|shall|did|does|do)$/.test(previous)
    )
      return 'present';
    if (
      !c.noun &&
      (PAST.test(head) ||
        (/^[a-z]{3,}ed$/.test(head) && !/^(?:need|feed|seed|speed|proceed|exceed|succeed)$/.test(head)))
    ) {
      if (
        /\b(?:will|to|would|shall)\s+be$|\bbe$/.test(previous) ||
        /\b(?:will|to|would|shall)\s+(?:\w+\s+)?be$/.test(previous)
      )
        return 'future';
      if (/\b(?:is|are|am)$/.test(previous)) return 'present';
      if (!/\b(?:has|have|had|was|were|been)$/.test(previous)) return 'past';
    }
  }
  // "a deposition request for Volker, scheduled for this week": arranged, so to come, whatever the verb before.
  if (c.noun && /^[^.;]{0,40}?\b(?<!\bas\s)(?:scheduled|set|planned|slated|due)\s+(?:for|on|to|in)\b/i.test(c.right))
    return 'future';
  // The nearest signal before the trigger, reading leftwards word by word.
  const words = left.split(/\s+/).filter(Boolean);
  for (let i = words.length - 1, seen = 0; i >= 0 && seen < 9; i--, seen++) {
    const piece = words.slice(i).join(' ');
    if (FUTURE.test(piece)) return 'future';
    // "called a snap election", "set a hearing": an event named as it is arranged is still to come.
    if (
      c.noun &&
      /^(?:called|set|scheduled|announced|planned|arranged|organi[sz]ed|convened)$/i.test(words[i]!) &&
      !/\b(?:was|were|had)\s*$/i.test(words.slice(0, i).join(' '))
    )
      return 'future';
    if (
      PAST.test(words[i]!) ||
      (/^\w{3,}ed$/.test(words[i]!) && !/^(?:need|feed|seed|speed|proceed|exceed|succeed)$/i.test(words[i]!))
    ) {
      // "agreed to meet", "decided to hold": intent, not the past.
      const next = words[i + 1];
      if (next === 'to') return 'future';
      const prev = words[i - 1]?.toLowerCase();
      // "are expected in", "will be held": a participle after "be".
      if (prev === 'is' || prev === 'are' || prev === 'am') return 'present';
      if (prev === 'be' && /^(?:will|would|shall|to|can|must|should)$/i.test(words[i - 2] ?? '')) return 'future';
      // "the jailed journalist": an adjective.
      if (prev && /^(?:the|a|an|of|his|her|their|its|for|with|by)$/i.test(prev)) continue;
      return 'past';
    }
    if (PRESENT.test(words[i]!)) {
      if (words[i + 1] === 'to') return 'future';
      return 'present';
    }
  }
  if (c.noun) {
    const right = skipAside(c.right).slice(0, 60);
    const m =
      /^\s*(?:[^,;]*?\s)?(will|would|shall|is\s+to|are\s+to|is\s+set|are\s+set|is\s+due|are\s+due|was|were|had|has\s+been|have\s+been|took\s+place|went\s+ahead|went\s+off|ended|collapsed|broke\s+down|opened|began|resumed|is|are|runs|opens|starts|begins|resumes?|start|begin|open|run|kicks\s+off|follows|takes\s+place)\b/i.exec(
        right,
      );
    if (m) {
      const v = m[1]!.toLowerCase();
      if (/^(will|would|shall|is to|are to|is set|are set|is due|are due)$/.test(v.replace(/\s+/g, ' ')))
        return 'future';
      if (/^(is|are|runs|opens|starts|begins|resumes?|start|begin|open|run|kicks\s+off|follows|takes\s+place)$/.test(v))
        return 'present';
      return 'past';
    }
  }
  return 'unknown';
}

/** The words after a noun past an aside set off by commas: ", between A and B, follows on Sunday" → " follows on Sunday". */
export function skipAside(right: string): string {
  const aside = /^\s*,\s*(?:between|with|involving|featuring|like|as)\b[^,;.]{1,80},/i.exec(right);
  return aside ? right.slice(aside[0].length) : right;
}
