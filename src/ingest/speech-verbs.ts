/**
 * The one lexicon of speech verbs and attribution cues. Everything that decides "this word
 * introduces speech" reads from here, so adding a verb is a one-line change.
 */

/** Base form → irregular inflections (regular -s/-ed/-ing forms are generated). */
import { wordSet, words } from '../text/words.js';

const VERBS: Record<string, string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'written', 'writes', 'writing'],
  speak: ['spoke', 'spoken', 'speaks', 'speaking'],
  add: [],
  warn: [],
  insist: [],
  tweet: [],
  post: [],
  remark: [],
  concede: [],
  ask: [],
  explain: [],
  continue: [],
  comment: [],
  note: [],
  claim: [],
  state: [],
  declare: [],
  announce: [],
  reply: ['replied', 'replies'],
  respond: [],
  answer: [],
  argue: [],
  acknowledge: [],
  admit: ['admitted', 'admitting'],
  suggest: [],
  rule: [],
  speculate: [],
  recall: [],
  urge: [],
  caution: [],
  stress: [],
  emphasise: [],
  emphasize: [],
  observe: [],
  complain: [],
  joke: [],
  quip: ['quipped', 'quipping'],
  counter: [],
  retort: [],
  reiterate: [],
  mention: [],
  inform: [],
  conclude: [],
  lament: [],
  boast: [],
  demand: [],
  plead: [],
  assert: [],
  maintain: [],
  allege: [],
  contend: [],
  predict: [],
  promise: [],
  vow: [],
  pledge: [],
  testify: ['testified', 'testifies'],
  confirm: [],
  deny: ['denied', 'denies'],
  describe: [],
  call: [],
  agree: [],
  wonder: [],
  exclaim: [],
  proclaim: [],
  shout: [],
  scream: [],
  whisper: [],
  report: [],
  recount: [],
  muse: [],
  sigh: [],
  opine: [],
  criticize: [],
  criticise: [],
  blast: [],
  slam: ['slammed', 'slamming'],
  praise: [],
  thank: [],
  welcome: [],
  // Naming and characterising verbs: "accused X of \"…\"", "hailed X as \"…\"", "termed her a \"…\"".
  accuse: [],
  hail: [],
  term: [],
  label: ['labelled', 'labeled', 'labelling', 'labeling'],
  brand: [],
  characterise: [],
  characterize: [],
  refer: ['referred', 'referring'],
  dismiss: [],
  condemn: [],
  denounce: [],
  // Reporting verbs of writers and commentators.
  affirm: [],
  cite: [],
  quote: [],
  echo: ['echoed', 'echoes', 'echoing'],
  repeat: [],
  reflect: [],
  concur: ['concurred', 'concurring'],
  chant: [],
  yell: [],
  cry: ['cried', 'cries'],
  beg: ['begged', 'begging'],
  appeal: [],
  assure: [],
  reassure: [],
  reveal: [],
  disclose: [],
  confess: [],
  underline: [],
  highlight: [],
  summarise: [],
  summarize: [],
  finalise: [],
  finalize: [],
  enquire: [],
  inquire: [],
  query: ['queried', 'queries'],
  question: [],
  sneer: [],
  scoff: [],
  snap: ['snapped', 'snapping'],
  mutter: [],
  murmur: [],
  // Manner verbs that stand for "said" beside a quote: "“…,” he beamed", "she laughed".
  laugh: [],
  smile: [],
  beam: [],
  grin: [],
  chuckle: [],
  shrug: ['shrugged', 'shrugging'],
  gush: [],
  enthuse: [],
  fume: [],
  groan: [],
  sob: [],
  reckon: [],
  reason: [],
  interject: [],
  remind: [],
};

/**
 * Speech verbs of the other languages news quotes arrive in (Spanish, Portuguese, French), as
 * they stand beside an original-language quotation: "“…”, dijo X en la radio".
 */
const FOREIGN_SPEECH = words`
  dijo afirmó afirmo declaró declaro indicó indico señaló señalo explicó explico añadió añadio agregó agrego aseguró
  aseguro sostuvo manifestó manifesto expresó expreso comentó comento escribió escribio preguntó pregunto respondió
  respondio advirtió advirtio decía decia dice disse afirmou declarou explicou escreveu acrescentou comentou perguntou
  respondeu déclaré déclare affirme affirmé ajoute ajouté écrit explique expliqué
`;

/** Words that never introduce speech even though the lexicon would inflect them that way. */
const NOT_SPEECH = wordSet`
  state posts post calls call note notes report reports counter answer promise demand thank welcome tells stress
  continue comment claim deny sigh joke vow pledge
`;

function inflect(base: string): string[] {
  const forms = [base];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const doubled = /[^aeiou][aeiou][bdgmnprt]$/.test(base) && base.length <= 4 ? base + base.at(-1) : base;
  forms.push(base.endsWith('s') || base.endsWith('sh') ? base + 'es' : base + 's');
  forms.push(base.endsWith('e') ? base + 'd' : doubled + 'ed');
  forms.push(stem + 'ing', doubled + 'ing');
  if (base.endsWith('y')) forms.push(base.slice(0, -1) + 'ied', base.slice(0, -1) + 'ies');
  return forms;
}

const FORM_TO_LEMMA = new Map<string, string>();
for (const [base, irregular] of Object.entries(VERBS)) {
  for (const form of [...inflect(base), ...irregular]) {
    if (!NOT_SPEECH.has(form) || irregular.includes(form)) FORM_TO_LEMMA.set(form, base);
  }
}
// The bare present is speech in "X says"; keep the commonest base forms that are unambiguous.
for (const bare of ['say', 'tell', 'add', 'warn', 'insist', 'tweet', 'write', 'explain', 'ask'])
  FORM_TO_LEMMA.set(bare, bare);
for (const form of FOREIGN_SPEECH) FORM_TO_LEMMA.set(form, 'say');
// Forms of the newer verbs that are far more often nouns ("the question", "a label", "echoes of").
for (const form of words`
  question questions questioning label labels term terms terming quote quotes appeal appeals echo echoes cry cries brand
  brands branding snap snaps query queries reflect reflects reflecting reflected cite hail repeat repeats chant chants
  highlight highlights refer refers beg yell yells reveal dismiss finalise finalize summarise summarize underline
  underlines assure reassure disclose confess condemn denounce affirm accuse concur mutter murmur sneer scoff enquire
  inquire characterise characterize crying chanting quoting laugh laughs laughing smile smiles smiling beam beams
  beaming grin grins grinning chuckle chuckles shrug shrugs gush fume fumes groan groans sob sobs sobbing reason reasons
  reasoning remind reminds reckon reckons reckoning
`)
  FORM_TO_LEMMA.delete(form);

/** The lemma when `word` is a form of a speech verb, else undefined. */
export function speechLemma(word: string): string | undefined {
  return FORM_TO_LEMMA.get(word.toLowerCase());
}

export function isSpeechVerb(word: string): boolean {
  return FORM_TO_LEMMA.has(word.toLowerCase());
}

const MANNER = wordSet`laugh smile beam grin chuckle shrug gush enthuse fume groan sob`;
/** Manner verbs ("he beamed") say "said" only after the quote: "smiled at the “good news”" quotes no one. */
export function isMannerVerb(word: string): boolean {
  const lemma = FORM_TO_LEMMA.get(word.toLowerCase());
  return lemma !== undefined && MANNER.has(lemma);
}

/** Verbs that only introduce a quotation when a quote follows in the same clause ("called it a 'farce'"). */
const WEAK = wordSet`
  call describe criticize criticise blast slam praise thank welcome agree confirm deny report post state promise demand
  predict recall continue note mention
`;
export function isWeakCue(lemma: string): boolean {
  return WEAK.has(lemma);
}

/** Nouns that, after "in a", name the channel of speech ("in a statement") — part of the cue. */
export const SPEECH_CHANNEL_NOUNS = wordSet`
  statement interview tweet post letter speech email e-mail message briefing broadcast address announcement transcript
  op-ed essay column press conference video
`;

/** Words that mark the quoted words as a title, nickname, slogan or term rather than speech. */
export const TITLE_CUES = wordSet`
  book film movie song album novel show series play poem titled entitled headlined article documentary episode podcast
  programme program painting exhibition opera musical single
`;
export const NICKNAME_CUES = wordSet`
  nicknamed dubbed known aka alias so-called branded labelled labeled named codenamed code-named
`;
/**
 * Words that mark the quoted words as a slogan, motto or hashtag used as a name or theme (no
 * entry). The texts of banners, signs, placards and chants are entries, with no named speaker.
 */
export const SLOGAN_CUES = wordSet`
  slogan slogans motto mottos mottoes hashtag hashtags theme tagline catchphrase campaign
`;
