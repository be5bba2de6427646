import type { EventKind } from '../model/article.js';
import { HintScan } from './hint-scan.js';

/**
 * The words that name an event, per kind: verbs ("will meet", "testify", "was sentenced") and
 * nouns ("talks", "a hearing", "the derby"). Each rule is a regex over a sentence whose quoted
 * words are blanked out, with a guard for the senses that are not events ("meet the deadline",
 * "was met with applause", "launched an attack", "released from prison").
 */

export interface Trigger {
  kind: EventKind;
  start: number;
  end: number;
  /** A noun ("the talks", "a hearing") rather than a verb ("will meet"). */
  noun: boolean;
  /** The matched words, lower case. */
  word: string;
}

interface Rule {
  kind: EventKind;
  re: RegExp;
  /** A cheap test before the rule runs: the stems its words start with. */
  hint: RegExp;
  noun: boolean;
  /** False when the match is not an event in this sentence. */
  guard?: (s: string, start: number, end: number, word: string) => boolean;
}

const before = (s: string, start: number, n = 40) => s.slice(Math.max(0, start - n), start);
const after = (s: string, end: number, n = 40) => s.slice(end, end + n);

/** "meet" senses that are not a gathering: meeting a target, being met with applause. */
const MEET_OBJECTS =
  /^\s+(?:(?:the|its|their|his|her|our|all|a|an|these|those|that|this|such|any|new|strict|tough|key|minimum)\s+)*(?:target|targets|deadline|deadlines|demand|demands|standard|standards|requirement|requirements|need|needs|expectation|expectations|criteria|criterion|goal|goals|obligation|obligations|threshold|thresholds|condition|conditions|cost|costs|payroll|quota|quotas|challenge|challenges|terms|test|mark|bar|budget|ends)\b/i;
const MET_WITH_REACTION =
  /^\s+with\s+(?:\w+\s+){0,2}(?:applause|criticism|resistance|scepticism|skepticism|protests?|silence|anger|outrage|derision|approval|disbelief|cheers|boos|jeers|concern|opposition|praise|dismay|suspicion|fury|hostility|indifference|relief|laughter|resignation)/i;

function meetGuard(s: string, start: number, end: number, word: string): boolean {
  // "drew 2-2 when they met": a match, not a meeting.
  if (SCORE.test(s) && /^met$|^meet$/.test(word)) return false;
  // "Meet the Press": a name.
  if (/^[A-Z]/.test(s.slice(start, end)) && start > 0 && !/[.!?"“]\s*$/.test(before(s, start, 3))) return false;
  const rest = after(s, end, 60);
  if (MEET_OBJECTS.test(rest)) return false;
  if (
    /^met$/.test(word) &&
    (MET_WITH_REACTION.test(rest) || /\b(?:was|were|been|be|is|are|being)\s+$/i.test(before(s, start, 12)))
  ) {
    return false;
  }
  if (/^meeting$/.test(word) && (MEET_OBJECTS.test(rest) || /\b(?:of\s+minds)\b/.test(rest.slice(0, 12)))) return false;
  return true;
}

/** "receive", "host", "welcome" are meetings only with a person right after them; checked by the caller. */
const RECEIVE = /\b(?:receive[sd]?|receiving|hosts?|hosted|hosting|welcome[sd]?|welcoming)\b/gi;

const PUBLISHABLE =
  'report|reports|data|figures|results|album|single|film|movie|book|memoir|transcript|recording|recordings|video|footage|details|findings|minutes|version|update|plan|draft|budget|forecast|forecasts|guidance|earnings|accounts|poll|survey|study|memo|documents?|files|list|sequel|series|trailer|song|songs|ep|statistics|estimate|estimates|index|review|audit|manifesto|white paper|declaration|statement|handset|phone|model|game|software|app|edition|issue|catalogue|call|conversation|messages|emails|letter|tape|tapes|photos|images|readout|dossier|numbers|inflation';
const PUBLISHABLE_NEAR = new RegExp(`\\b(?:${PUBLISHABLE})\\b`, 'i');
const FREED =
  /^\s+(?:\w+\s+){0,3}?(?:from\s+(?:prison|jail|custody|hospital|detention|captivity)|on\s+bail|without\s+charge)/i;

/** "in remarks published by CNN", "in an interview published on Monday": where words appeared, not a release. */
const REPORTED_IN =
  /\bin\s+(?:(?:an?|the|his|her|their)\s+)?(?:[\w-]+\s+)?(?:remarks|comments|interview|op-ed|article|column|post|letter|statement|essay|blog|tweets?)\s+$/i;

function releaseGuard(s: string, start: number, end: number): boolean {
  if (FREED.test(after(s, end, 50)) || REPORTED_IN.test(before(s, start, 50))) return false;
  // Something publishable beside the verb: "released its previous model", "data … will be released".
  return PUBLISHABLE_NEAR.test(s.slice(Math.max(0, start - 50), Math.min(s.length, end + 50)));
}

const NOT_LAUNCHED =
  /^\s+(?:(?:a|an|the|its|their|his|her|new|fresh|major|large-scale|full-scale|wave\s+of|series\s+of|barrage\s+of|\w+-\w+)\s+)*(?:attack|attacks|offensive|counteroffensive|strike|strikes|raid|raids|missile|missiles|drones?|rockets?|investigation|investigations|inquiry|probe|appeal|bid|assault|war|crackdown|review|audit|lawsuit|legal\s+challenge|challenge|campaign\s+against|operation)\b/i;

const SPORTS_WORDS =
  /\b(?:match|matches|derby|fixture|league|cup|final|semi-?final|quarter-?final|play-?offs?|kick-?off|stadium|striker|goalkeeper|penalt(?:y|ies)|goals?|scored|tournament|champions|season)\b/i;
/** A score ("2-1"), not a range of days ("Oct. 14-15", "9-12 June"). */
const SCORE =
  /(?<!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+)\b\d{1,2}-\d{1,2}\b(?!\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))/;
const SPORTS_CONTEXT = { test: (s: string) => SPORTS_WORDS.test(s) || SCORE.test(s) };
const AUDIENCE =
  /^\s+(?:the\s+|a\s+|an\s+)?(?:nation|parliament|summit|conference|rally|assembly|crowd|audience|supporters|lawmakers|delegates|investors|students|graduates|congress|convention|meeting|forum|session|reporters|journalists|troops|voters|members|leaders|[A-Z])/;

const RULES: Rule[] = [
  // Calls first: "phone talks", "video conference" are calls, not talks or conferences.
  {
    kind: 'call',
    noun: true,
    hint: /phone|call|conversation|spoke|speak|video/i,
    re: /\b(?:(?:phone|telephone|video|conference)[\s-]+(?:call|calls|conversation|conversations|talks?|conference)|calls?\s+(?:between|with)|spoke\s+(?:(?:with|to)\s+(?:[\w.’'-]+\s+){1,4}?)?(?:by|on\s+the|over\s+the)\s+(?:phone|telephone|video\s+link)|speak\s+by\s+(?:phone|telephone)|phoned|telephoned|(?:had|held|made|hold|have|make|holds|makes)\s+a\s+(?:phone\s+|brief\s+|short\s+|lengthy\s+|long\s+)?call)\b/gi,
  },
  {
    kind: 'meeting',
    noun: false,
    hint: /meet|met\b|sit|sat/i,
    re: /\b(?:meet|meets|met|meeting|sit\s+down|sat\s+down|sits\s+down|sitting\s+down)\b/gi,
    guard: (s, a, b, w) =>
      !/^meeting$/.test(w) || /\b(?:is|are|was|were|be|been)\s+$/i.test(before(s, a, 8))
        ? meetGuard(s, a, b, w)
        : false,
  },
  {
    kind: 'meeting',
    noun: true,
    hint: /meeting|sit-down|audience/i,
    re: /\b(?:meeting|meetings|sit-down|audience\s+with)\b/gi,
    guard: (s, a, b, w) => !/\b(?:is|are|was|were|be|been)\s+$/i.test(before(s, a, 8)) && meetGuard(s, a, b, w),
  },
  {
    kind: 'talks',
    noun: true,
    hint: /talks|negotiation|round/i,
    re: /\b(?:talks|negotiations|negotiat(?:ing|ion)\s+rounds?|(?:another|second|third|fourth|fifth|next|new|fresh|further|final|last|previous)\s+rounds?(?:\s+of\s+(?:talks|negotiations))?)\b/gi,
    guard: (s, a) =>
      !/\b(?:envoy|negotiator|representative|adviser|advisor|chief|head|team|office|minister|secretary|director|coordinator)\s+(?:for|on|to)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$/i.test(
        before(s, a, 50),
      ),
  },
  {
    kind: 'visit',
    noun: false,
    hint: /visit|trip|travel|fl[yie]|arriv|head|stop/i,
    re: /\b(?:visit|visits|visited|visiting|trip|trips|travel(?:s|led|ed|ling|ing)?\s+(?:on\s+)?to|fl(?:y|ies|ew|ying)\s+(?:on\s+)?to|arriv(?:e|es|ed|ing)\s+in|head(?:s|ed|ing)?\s+to|(?:a|the)\s+(?:planned\s+|brief\s+)?stop\s+in)\b/gi,
    guard: (s, a, b, w) =>
      !/^visits?$/.test(w) || !/^\s+(?:by|from)\s+(?:his|her|their)\s+(?:family|lawyers?|relatives)/i.test(after(s, b)),
  },
  { kind: 'summit', noun: true, hint: /summit/i, re: /\bsummits?\b/gi },
  {
    kind: 'vote',
    noun: false,
    hint: /vot|ballot|referend|plebiscite/i,
    re: /\b(?:vote|votes|voted|voting|ballot|ballots|referendum|plebiscite)\b/gi,
    guard: (s, a, b, w) =>
      !(/^votes$/.test(w) && /(?:\d|percent|%|of\s+the)\s*$/i.test(before(s, a, 14))) &&
      !/^\s+(?:of\s+thanks)/i.test(after(s, b)),
  },
  {
    kind: 'hearing',
    noun: true,
    hint: /hearing|deposition|arraign/i,
    re: /\b(?:hearings?|deposition|arraignment|arraigned)\b/gi,
    guard: (s, a, b) => !/^\s+(?:aids?|loss|impaired)/i.test(after(s, b)) && !/\bhard\s+of\s+$/i.test(before(s, a)),
  },
  {
    kind: 'hearing',
    noun: false,
    hint: /testif|appear|hear|evidence/i,
    // "will give evidence to the committee": a witness's session, as "testify" is.
    re: /\b(?:testif(?:y|ies|ied|ying)|(?:give|gives|giving|gave|given)\s+evidence\s+(?:to|before)|appear(?:s|ed|ing)?\s+(?:before|in\s+court|at\s+(?:the\s+)?(?:court|tribunal|inquiry))|(?:will|to|would)\s+hear\s+(?:the\s+)?(?:case|appeal|arguments|evidence|challenge)|(?<=\b(?:appeal|case|challenge|petition|lawsuit)s?\s+(?:[\w’'-]+\s+){0,3}?)(?:will|would|is\s+to|are\s+to|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to)\s+be\s+heard)\b/gi,
  },
  {
    kind: 'trial',
    noun: true,
    hint: /trial/i,
    re: /\b(?:trials?|stand\s+trial|goes\s+on\s+trial|go\s+on\s+trial|went\s+on\s+trial)\b/gi,
    guard: (s, a, b) =>
      !/\b(?:clinical|drug|vaccine|field|pilot|free|time|phase\s+\w+)\s+$/i.test(before(s, a, 16)) &&
      !/^\s+(?:run|period|version|basis)\b/i.test(after(s, b)),
  },
  {
    kind: 'sentencing',
    noun: false,
    hint: /sentenc/i,
    re: /\b(?:sentenced|sentencing|be\s+sentenced|(?:will|to|shall)\s+sentence|(?<=\band\s+)sentence(?=\s+(?:[A-Z]|him\b|her\b|them\b)))\b/gi,
  },
  {
    kind: 'election',
    noun: true,
    hint: /election|run-?off|primaries|caucus|polls/i,
    re: /\b(?:elections?|by-elections?|run-?offs?|primaries|caucus(?:es)?|polls\s+(?:open|close)|go\s+to\s+the\s+polls)\b/gi,
    guard: (s, a) =>
      !/\bre-$/i.test(before(s, a, 3)) && !/\b(?:since|after)\s+(?:his|her|their|its)\s+$/i.test(before(s, a, 14)),
  },
  {
    kind: 'launch',
    noun: false,
    hint: /launch|lift|blast|unveil|inaugur|open/i,
    re: /\b(?:launch|launches|launched|launching|lift-?off|liftoff|lift(?:s|ed|ing)?\s+off|blast-?off|blast(?:s|ed|ing)?\s+off|unveil(?:s|ed|ing)?|inaugurat(?:e|es|ed|ing)|open(?:s|ed|ing)?\s+(?:a|the|its|their)\s+new|opening\s+of\s+(?:a|the)\s+new)\b/gi,
    guard: (s, a, b, w) =>
      !/^launch/.test(w) ||
      (!NOT_LAUNCHED.test(after(s, b, 60)) &&
        !/^\s+(?:site|sites|pad|pads|window|vehicle|date|facility|complex|team|director|control|schedule|event)\b/i.test(
          after(s, b),
        )),
  },
  {
    kind: 'match',
    noun: true,
    hint: /match|derby|fixture|final|play-?off|kick|prix/i,
    re: /\b(?:match|matches|derby|fixture|semi-?finals?|quarter-?finals?|(?:cup\s+)?final|play-?offs?|kick-?off|grand\s+prix)\b/gi,
    guard: (s, a, b, w) =>
      SPORTS_CONTEXT.test(s) &&
      !(
        /final$/.test(w) &&
        /^\s+(?:offer|decision|say|word|report|day|round|version|deal|warning|stage|hours|minutes|straw)\b/i.test(
          after(s, b),
        )
      ),
  },
  {
    kind: 'match',
    noun: false,
    hint: /face|play|beat|drew|draw|won|lost|\d-\d/i,
    re: /\b(?:face|faces|faced|facing|play|plays|played|playing|beat|beats|drew\s+\d+-\d+|drew\s+with|draws?\s+with|(?:won|lost)\s+\d+-\d+|\d+-\d+\s+(?:win|victory|defeat|loss|draw)\s+(?:over|against|to|with))\b/gi,
    guard: (s) => SPORTS_CONTEXT.test(s),
  },
  {
    kind: 'deadline',
    noun: true,
    hint: /deadline|ultimatum|run|ran|expir|laps/i,
    re: /\b(?:deadlines?|ultimatum|runs?\s+out|ran\s+out|expir(?:e|es|ed)|laps(?:e|es|ed))\b/gi,
  },
  {
    kind: 'release',
    noun: false,
    hint: /releas|publish|leak|out\b|sale|results|figures|data|report/i,
    re: /\b(?:releas(?:e|es|ed|ing)|publish(?:es|ed|ing)?|leak(?:s|ed)?|c(?:o|a)mes?\s+out|coming\s+out|go(?:es)?\s+on\s+sale|going\s+on\s+sale|(?:results|figures|data|report)\s+(?:will\s+be|are|is|were|was)\s+(?:announced|published|released|due))\b/gi,
    guard: (s, a, b, w) =>
      /^(?:publish|results|figures|data|report)/.test(w) ? !REPORTED_IN.test(before(s, a, 50)) : releaseGuard(s, a, b),
  },
  {
    kind: 'conference',
    noun: true,
    hint: /conferen|convention|symposium|forum|expo|briefing|congress/i,
    re: /\b(?:conferences?|convention|symposium|forum|expo|(?:news|press|media)\s+briefing|briefing\s+for\s+(?:reporters|journalists|the\s+press)|congress(?=\s+(?:of|on|in)\b))\b/gi,
    guard: (s, a, b, w) => !/congress/.test(w) || /^[a-z]/.test(s.slice(a, b)),
  },
  {
    kind: 'speech',
    noun: true,
    hint: /speech|keynote|eulogy|lecture|sermon|union|address/i,
    re: /\b(?:speech|speeches|keynote|eulogy|lecture|sermon|state\s+of\s+the\s+union|address(?:es)?\s+to)\b/gi,
  },
  {
    kind: 'speech',
    noun: false,
    hint: /address|speak|present/i,
    re: /\b(?:address(?:es|ed|ing)?|speak(?:s|ing)?\s+(?:at|to\s+(?:the|a)\s+(?:nation|parliament|assembly|conference|summit|rally|crowd))|(?:due|set|expected|scheduled)\s+to\s+speak|present(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){1,6}?to\s+(?:parliament|congress|lawmakers|investors|shareholders|the\s+(?:board|committee|assembly|house|senate|council|nation|cabinet)|[A-Z]))\b/gi,
    guard: (s, a, b, w) => !/^address/.test(w) || AUDIENCE.test(after(s, b, 30)),
  },
  // "a public inquiry … will open", "the inquiry resumes hearings": an inquiry sitting is a hearing.
  {
    kind: 'hearing',
    noun: true,
    hint: /inquir/i,
    re: /\binquiry\b/gi,
    guard: (s, a, b) =>
      /^[^.;]{0,50}?\b(?:open|opens|opened|opening|begin|begins|began|start|starts|started|resume|resumes|resumed|sit|sits|sat|hear|hears|heard|hearings?)\b/i.test(
        after(s, b, 60),
      ) &&
      !/\b(?:launch\w*|call\w*\s+for|demand\w*|order\w*|set\s+up|announc\w*)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$/i.test(
        before(s, a),
      ),
  },
  // A debate, a rally: dated happenings of no listed kind.
  {
    kind: 'other',
    noun: true,
    hint: /debat|rall/i,
    re: /\b(?:debates?|(?<=\b(?:will|to|shall)\s+)debate|rall(?:y|ies))\b/gi,
    guard: (s, a, b, w) =>
      !/^rall/.test(w) ||
      !/\b(?:stock|stocks|share|shares|market|markets|relief|bond|bonds|oil|price|prices|currency|dollar|euro|late|year-end|strong|sharp)\s+$/i.test(
        before(s, a, 20),
      ),
  },
  // Dated actions of no other kind that news announces.
  {
    kind: 'other',
    noun: false,
    hint: /effect|force|sworn|swearing|inaugur|ceremony|walk|strike|draw|tickets|orders|registration|bookings/i,
    re: /\b(?:takes?\s+effect|took\s+effect|comes?\s+into\s+force|came\s+into\s+force|enters?\s+into\s+force|entered\s+into\s+force|sworn\s+in|swearing-in|inauguration|ceremony|walk\s+out|walkout|go\s+on\s+strike|strike\s+action|(?:the|a)\s+draw\s+for|draw\s+(?:will|was)\s+be\s+made|(?:tickets|pre-orders|preorders|registration|bookings)\s+(?:will\s+)?(?:open|opening|go\s+on\s+sale|going\s+on\s+sale|goes\s+on\s+sale))\b/gi,
  },
  // "approved the bill 52-48", "passed its second reading by 312 votes to 241": a tally is a vote.
  {
    kind: 'vote',
    noun: false,
    hint: /approv|pass|reject|adopt|defeat|endors|ratif|back/i,
    re: /\b(?:approved|passed|rejected|adopted|defeated|endorsed|ratified|backed|approve|pass|reject|adopt)\b(?=\s+(?:[\w’'().-]+\s+){0,8}?(?:by\s+)?\d{1,3}(?:\s+votes?)?\s*(?:-|–|to)\s*\d{1,3}\b(?!\s*(?:%|percent|per\s+cent)))/gi,
  },
  // "Councillors approved the budget on Tuesday": a voting body deciding a measure is its vote.
  {
    kind: 'vote',
    noun: false,
    hint: /approv|pass|reject|adopt/i,
    re: /(?<=\b(?:[Cc]ouncil|[Cc]ouncillors|[Cc]ouncilors|[Aa]ssembly|[Ss]enate|[Ss]enators|[Ll]awmakers|[Ll]egislators|MPs|[Pp]arliament|[Cc]ommittee|[Dd]elegates)\s+(?:has\s+|have\s+|had\s+)?)(?:approved|passed|rejected|adopted)(?=\s+(?:the|a|an|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:bill|budget|measure|motion|ordinance|levy|amendment|resolution|law)s?\b)/g,
  },
  // "will be officially opened", "opens its doors": an opening is a dated happening of no listed kind.
  {
    kind: 'other',
    noun: false,
    hint: /open/i,
    // "has cancelled plans to open its factory": the planned opening, whatever the report calls it.
    re: /\b(?:(?<=\bplans?\s+to\s+)(?:re)?open(?=\s+(?:its|their|an?|the)\s)|(?:be|been|is|are|was|were)\s+(?:officially\s+|formally\s+)?(?:re)?opened(?!\s+(?:fire|talks|negotiations|an?\s+(?:investigation|inquiry)))|(?:re)?open(?:s|ed)?\s+(?:its|their)\s+doors|(?:re)?open(?:s|ed)?\s+to\s+the\s+public|(?<=\b(?:its|the|an?|their)\s+)(?:official|formal|grand)\s+(?:re)?opening|(?:(?<!pre-)orders)\s+(?:will\s+)?open)\b/gi,
  },
  // "residents have until 12 June to comment": the date is a deadline.
  {
    kind: 'deadline',
    noun: false,
    hint: /until/i,
    re: /\b(?:ha(?:ve|s)|had|given|giving|get|gets)\s+until\b(?=[^.;]{0,30}\bto\s+[a-z])/gi,
  },
  // "the headset ships Sept. 25", "its last model went on sale in 2024": a product out.
  {
    kind: 'release',
    noun: false,
    hint: /ship|sale/i,
    re: /\b(?:went\s+on\s+sale|(?:will\s+)?ships?|shipped|(?:begins?|began|starts?|started)\s+shipping)\b/gi,
    guard: (s, a, b, w) =>
      /\bsale$/.test(w) ||
      (/\b(?:the|its|their|a|new)\s+(?:[\w-]+\s+){0,2}$/i.test(before(s, a, 30)) &&
        !/^\s+(?:to|from|with|carrying|of)\b/i.test(after(s, b, 12))),
  },
  // "pleaded not guilty on Wednesday", "admitted fraud at Leeds Crown Court": a plea is made at a hearing.
  {
    kind: 'hearing',
    noun: false,
    hint: /plea|pled|admit/i,
    re: /\b(?:plead(?:s|ed)?|pled|(?:will|to|would)\s+enter\s+a\s+plea|entered\s+a\s+plea)(?:\s+(?:not\s+)?guilty\b)?|\badmit(?:s|ted)\b(?=[^.;]{0,80}\b(?:court|tribunal)\b)/gi,
    guard: (s, a, b, w) => /guilty|plea/.test(w) || !/^plead/.test(w) || /^\s+(?:not\s+)?guilty/i.test(after(s, b, 15)),
  },
  // "A fun run planned for 21 June has been called off": a plan with a date, called off or put back.
  {
    kind: 'other',
    noun: true,
    hint: /planned|scheduled|slated/i,
    re: /(?<=\b(?:[Aa]|[Aa]n|[Tt]he)\s+(?:[\w-]+\s+){0,2})[a-z]{3,}(?=\s+(?:planned|scheduled|slated)\s+for\b)/g,
    guard: (s, a, b) =>
      !/\b(?:been|be|being|was|were|is|are|had|has|have|first|originally|initially|already|now|also|still|once)\s*$/i.test(
        s.slice(Math.max(0, a - 30), b),
      ) && /\b(?:called\s+off|cancel(?:l?ed)|scrapped|axed|postponed|put\s+off|pushed\s+back)\b/i.test(after(s, b, 80)),
  },
  // "Saturday's county cup tie", "the second-round tie between A and B": a tie is a cup match.
  {
    kind: 'match',
    noun: true,
    hint: /tie/i,
    re: /\b(?:(?:cup|league|trophy|(?:first|second|third|fourth|fifth|quarter-final|semi-final)[\s-]round|home|away|replay|knockout|play-?off)\s+tie|ties?(?=\s+(?:between|against|with)\s+(?:the\s+)?[A-Z]))\b/gi,
    guard: (s) => SPORTS_CONTEXT.test(s) || /\bcup\s+tie\b/i.test(s),
  },
  // "travel to Dorking for a league game", "hosts Brentford Athletic": sport's own words.
  {
    kind: 'match',
    noun: true,
    hint: /game|host/i,
    re: /\b(?:games?|host(?:s|ed|ing)?(?=\s+(?:the\s+)?[A-Z]))\b/g,
    guard: (s, a) =>
      SPORTS_CONTEXT.test(s) && !/\b(?:video|computer|board|mind|waiting|blame)\s+$/i.test(before(s, a, 12)),
  },
];

const NOUN_BEFORE =
  /(?:(?:\b(?:[Tt]he|[Aa]|[Aa]n|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)|\d)\s+(?:(?:planned|proposed|first|second|third|next|last|upcoming|expected|scheduled|state|official|private|public|surprise|brief|historic|long-awaited|rare|previous|\w+-\w+|[A-Z][\w.]*)\s+){0,2}|['’]s\s+(?:(?!(?:then|now|also|later|still|again|will|would|could|should|must|may)\s)[a-z][\w-]*\s+){0,2})$/;

/** A cheap test before the rules run: the stems every trigger starts with. */
const HINT =
  /tie|debat|rall|inquir|effect|force|meet|met\b|meeting|sit|sat|talk|negotiat|round|call|conversation|spoke|speak|phone|visit|trip|travel|fl[yie]|arriv|head|stop|summit|vot|ballot|referend|plebiscite|hearing|testif|evidence|appear|hear\b|heard\b|deposition|arraign|trial|sentenc|election|run-?off|primar|caucus|polls|launch|lift|blast|unveil|inaugur|open|match|derby|fixture|final|play|kick|prix|face|beat|drew|draw|win|won|lost|victory|defeat|loss|deadline|ultimatum|run|ran|expir|laps|releas|publish|leak|out\b|sale|results|figures|data|report|conferen|convention|symposium|forum|expo|briefing|congress|speech|keynote|eulogy|lecture|sermon|union|address|present|sworn|swearing|ceremony|walk|strike|tickets|pre-?orders|registration|bookings|receiv|host|welcom|approv|pass|reject|adopt|defeat|endors|ratif|back|until|ship|game|plea|pled|admit|planned|scheduled|slated/i;

/** Every word RECEIVE matches holds one of these. */
const RECEIVE_HINT = /receiv|host|welcom/i;
/** HINT, each rule's hint and RECEIVE_HINT, tested together in one pass over a sentence. */
const HINTS = new HintScan([HINT, ...RULES.map((r) => r.hint), RECEIVE_HINT]);

/** Triggers of `text` (quoted words already blanked), longest first where they overlap. */
export function findTriggers(text: string, personAfter: (at: number) => boolean): Trigger[] {
  const hinted = HINTS.matching(text);
  if (!hinted[0]) return [];
  const raw: Trigger[] = [];
  for (const [k, rule] of RULES.entries()) {
    if (!hinted[k + 1]) continue;
    rule.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = rule.re.exec(text)) !== null) {
      const word = m[0].toLowerCase();
      if (rule.guard && !rule.guard(text, m.index, m.index + m[0].length, word)) continue;
      // "The launch", "Thursday's vote", "a visit": a noun whatever the rule's usual part of speech.
      const verbal =
        rule.kind === 'call' &&
        /^(?:spoke|speak|phoned|telephoned|had|held|made|hold|have|make|holds|makes)\b/.test(word);
      const noun = (rule.noun && !verbal) || NOUN_BEFORE.test(before(text, m.index, 30));
      raw.push({ kind: rule.kind, start: m.index, end: m.index + m[0].length, noun, word });
    }
  }
  RECEIVE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (hinted[RULES.length + 1] && (m = RECEIVE.exec(text)) !== null) {
    if (personAfter(m.index + m[0].length))
      raw.push({ kind: 'meeting', start: m.index, end: m.index + m[0].length, noun: false, word: m[0].toLowerCase() });
  }
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Trigger[] = [];
  for (const t of raw) {
    if (kept.some((k) => t.start < k.end && k.start < t.end)) continue;
    kept.push(t);
  }
  return kept;
}
