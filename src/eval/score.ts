/**
 * Quote-attribution scoring: detection at exact match and at ≥ 0.8 character overlap, speaker
 * accuracy judged by person (names and aliases), end-to-end attributed-quote F1, and a
 * breakdown by attribution pattern.
 */
import { stripDiacritics } from '../ingest/tokens.js';
import { goldPattern, PATTERNS, type Pattern } from './patterns.js';

export interface GoldPerson {
  name: string;
  aliases?: string[];
  role?: string;
}
export interface GoldQuote {
  speaker: string | null;
  text: string;
  paragraph: number;
}
export interface GoldArticle {
  people: GoldPerson[];
  quotes: GoldQuote[];
}
export interface SpeakerRef {
  name: string;
  aliases: string[];
}
export interface PredictedQuote {
  text: string;
  paragraph: number;
  speaker: SpeakerRef | null;
  /** The rule that attributed it, for the breakdown by method. */
  method?: string;
}

/** By attribution method: detected quotes named right, named wrong, left without a name. */
export interface MethodScore {
  right: number;
  wrong: number;
  unnamed: number;
}

export interface Prf {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}
export interface PatternScore {
  gold: number;
  detected: number;
  speakerCorrect: number;
  attributed: number;
  /** Detected quotes the extractor gave a named speaker, and how many of those names are wrong. */
  named: number;
  misattributed: number;
}
export interface QuoteError {
  kind: 'missed' | 'spurious' | 'speaker' | 'span';
  paragraph: number;
  text: string;
  gold?: string | null;
  predicted?: string | null;
}
export interface Score {
  exact: Prf;
  overlap: Prf;
  speaker: { correct: number; total: number; accuracy: number };
  /**
   * Named speakers that are wrong (another person, or a name where the gold has none) over all
   * detected quotes the extractor named a speaker for; `unclear` counts detected quotes left
   * without a speaker although the gold names one.
   */
  misattribution: { wrong: number; named: number; rate: number; unclear: number };
  attributed: Prf;
  patterns: Record<Pattern, PatternScore>;
  methods: Record<string, MethodScore>;
  errors: QuoteError[];
}

const OVERLAP_THRESHOLD = 0.8;

/** Whitespace collapsed, quote marks straightened, trailing punctuation and outer marks dropped. */
export function normalizeQuote(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[“”„«»″]/g, '"')
    .replace(/[‘’‚′`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'\s]+|["'\s]+$/g, '')
    .replace(/[\s.,;:!?…"']+$/g, '')
    .trim();
}

/** Longest common substring length over the longer string. */
export function overlapRatio(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const [s, t] = a.length <= b.length ? [a, b] : [b, a];
  if (t.includes(s)) return s.length / t.length;
  let best = 0;
  let prev = new Uint16Array(s.length + 1);
  let cur = new Uint16Array(s.length + 1);
  for (let i = 1; i <= t.length; i++) {
    for (let j = 1; j <= s.length; j++) {
      cur[j] = t.charCodeAt(i - 1) === s.charCodeAt(j - 1) ? prev[j - 1]! + 1 : 0;
      if (cur[j]! > best) best = cur[j]!;
    }
    [prev, cur] = [cur, prev];
    cur.fill(0);
  }
  return best / t.length;
}

const PRONOUN = /^(he|she|it|they|him|her|his|its|their|we|i)$/i;

export function normName(s: string): string {
  return stripDiacritics(s)
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*the\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * True when a predicted speaker is the gold speaker: the predicted name is the gold name or one of
 * its aliases, or the gold name is among the predicted person's names. Two people who merely share
 * an alias (a surname: "Biden" for Hunter and Joe Biden; a role phrase one of them picked up) are
 * not the same speaker.
 */
export function sameSpeaker(predicted: SpeakerRef | null, goldName: string | null, goldPeople: GoldPerson[]): boolean {
  if (goldName === null || predicted === null) return goldName === null && predicted === null;
  const person = goldPeople.find((p) => p.name === goldName);
  const goldNames = new Set(
    [goldName, ...(person?.aliases ?? [])]
      .filter((a) => !PRONOUN.test(a.trim()))
      .map(normName)
      .filter(Boolean),
  );
  if (goldNames.has(normName(predicted.name))) return true;
  const key = normName(goldName);
  return [predicted.name, ...predicted.aliases].filter((a) => !PRONOUN.test(a.trim())).some((a) => normName(a) === key);
}

export function prf(tp: number, predicted: number, gold: number): Prf {
  const precision = predicted === 0 ? (gold === 0 ? 1 : 0) : tp / predicted;
  const recall = gold === 0 ? 1 : tp / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, predicted, gold, precision, recall, f1 };
}

function emptyPatterns(): Record<Pattern, PatternScore> {
  return Object.fromEntries(
    PATTERNS.map((p) => [p, { gold: 0, detected: 0, speakerCorrect: 0, attributed: 0, named: 0, misattributed: 0 }]),
  ) as Record<Pattern, PatternScore>;
}

/** Scores one article. `paragraphs` (the article's body blocks) let the scorer label patterns. */
export function scoreArticle(gold: GoldArticle, predicted: PredictedQuote[], paragraphs: string[] = []): Score {
  const goldNorm = gold.quotes.map((q) => normalizeQuote(q.text));
  const predNorm = predicted.map((q) => normalizeQuote(q.text));
  const exactOf = new Map<number, number>(); // gold index → predicted index
  const overlapOf = new Map<number, number>();
  const usedExact = new Set<number>();
  gold.quotes.forEach((g, gi) => {
    const pi = predicted.findIndex(
      (p, i) => !usedExact.has(i) && p.paragraph === g.paragraph && predNorm[i] === goldNorm[gi],
    );
    if (pi >= 0) {
      usedExact.add(pi);
      exactOf.set(gi, pi);
      overlapOf.set(gi, pi);
    }
  });
  const usedOverlap = new Set(usedExact);
  gold.quotes.forEach((g, gi) => {
    if (overlapOf.has(gi)) return;
    let best = -1;
    let bestRatio = OVERLAP_THRESHOLD;
    predicted.forEach((p, i) => {
      if (usedOverlap.has(i) || p.paragraph !== g.paragraph) return;
      const r = overlapRatio(predNorm[i]!, goldNorm[gi]!);
      if (r >= bestRatio) {
        best = i;
        bestRatio = r;
      }
    });
    if (best >= 0) {
      usedOverlap.add(best);
      overlapOf.set(gi, best);
    }
  });

  const patterns = emptyPatterns();
  const methods: Record<string, MethodScore> = {};
  const errors: QuoteError[] = [];
  let speakerCorrect = 0;
  let attributed = 0;
  let named = 0;
  let wrongNamed = 0;
  let unclear = 0;
  gold.quotes.forEach((g, gi) => {
    const pattern = goldPattern(paragraphs[g.paragraph] ?? '', g.text);
    const ps = patterns[pattern];
    ps.gold++;
    const pi = overlapOf.get(gi);
    if (pi === undefined) {
      errors.push({ kind: 'missed', paragraph: g.paragraph, text: g.text, gold: g.speaker });
      return;
    }
    ps.detected++;
    const p = predicted[pi]!;
    const ok = sameSpeaker(p.speaker, g.speaker, gold.people);
    const ms = (methods[p.method ?? 'unknown'] ??= { right: 0, wrong: 0, unnamed: 0 });
    if (!p.speaker) ms.unnamed++;
    else if (ok) ms.right++;
    else ms.wrong++;
    if (p.speaker) {
      named++;
      ps.named++;
      if (!ok) {
        wrongNamed++;
        ps.misattributed++;
      }
    } else if (g.speaker !== null) unclear++;
    if (ok) {
      speakerCorrect++;
      ps.speakerCorrect++;
    } else {
      errors.push({
        kind: 'speaker',
        paragraph: g.paragraph,
        text: g.text,
        gold: g.speaker,
        predicted: p.speaker?.name ?? null,
      });
    }
    if (exactOf.has(gi) && ok) {
      attributed++;
      ps.attributed++;
    }
    if (!exactOf.has(gi)) errors.push({ kind: 'span', paragraph: g.paragraph, text: g.text, predicted: p.text });
  });
  predicted.forEach((p, i) => {
    if (!usedOverlap.has(i))
      errors.push({ kind: 'spurious', paragraph: p.paragraph, text: p.text, predicted: p.speaker?.name ?? null });
  });
  const matched = overlapOf.size;
  return {
    exact: prf(exactOf.size, predicted.length, gold.quotes.length),
    overlap: prf(matched, predicted.length, gold.quotes.length),
    speaker: { correct: speakerCorrect, total: matched, accuracy: matched === 0 ? 0 : speakerCorrect / matched },
    misattribution: { wrong: wrongNamed, named, rate: named === 0 ? 0 : wrongNamed / named, unclear },
    attributed: prf(attributed, predicted.length, gold.quotes.length),
    patterns,
    methods,
    errors,
  };
}

const rate = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Micro-averaged total over articles. */
export function combineScores(scores: Score[]): Score {
  const sum = (f: (s: Score) => number) => scores.reduce((a, s) => a + f(s), 0);
  const patterns = emptyPatterns();
  for (const s of scores) {
    for (const p of PATTERNS) {
      patterns[p].gold += s.patterns[p].gold;
      patterns[p].detected += s.patterns[p].detected;
      patterns[p].speakerCorrect += s.patterns[p].speakerCorrect;
      patterns[p].attributed += s.patterns[p].attributed;
      patterns[p].named += s.patterns[p].named;
      patterns[p].misattributed += s.patterns[p].misattributed;
    }
  }
  const methods: Record<string, MethodScore> = {};
  for (const s of scores) {
    for (const [m, x] of Object.entries(s.methods ?? {})) {
      const t = (methods[m] ??= { right: 0, wrong: 0, unnamed: 0 });
      t.right += x.right;
      t.wrong += x.wrong;
      t.unnamed += x.unnamed;
    }
  }
  const correct = sum((s) => s.speaker.correct);
  const total = sum((s) => s.speaker.total);
  return {
    exact: prf(
      sum((s) => s.exact.tp),
      sum((s) => s.exact.predicted),
      sum((s) => s.exact.gold),
    ),
    overlap: prf(
      sum((s) => s.overlap.tp),
      sum((s) => s.overlap.predicted),
      sum((s) => s.overlap.gold),
    ),
    speaker: { correct, total, accuracy: total === 0 ? 0 : correct / total },
    misattribution: {
      wrong: sum((s) => s.misattribution.wrong),
      named: sum((s) => s.misattribution.named),
      rate: rate(
        sum((s) => s.misattribution.wrong),
        sum((s) => s.misattribution.named),
      ),
      unclear: sum((s) => s.misattribution.unclear),
    },
    attributed: prf(
      sum((s) => s.attributed.tp),
      sum((s) => s.attributed.predicted),
      sum((s) => s.attributed.gold),
    ),
    patterns,
    methods,
    errors: scores.flatMap((s) => s.errors),
  };
}
