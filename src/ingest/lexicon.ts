/** Word lists shared by the people and attribution rules (general English, nothing article-specific). */
import { createRequire } from 'node:module';
import nlp from 'compromise';
import { wordSet } from '../text/words.js';
import { isDictionaryWord } from './dictionary.js';
import { memoByWord } from './memo.js';
import { isSpeechVerb } from './speech-verbs.js';
import type { Token } from './tokens.js';
import { stripDiacritics } from './tokens.js';

const LEX = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one
  .lexicon;

const tagCache = new Map<string, string[]>();
function tags(word: string): string[] {
  const hit = tagCache.get(word);
  if (hit) return hit;
  const found = lookup(word);
  if (tagCache.size < 50_000) tagCache.set(word, found);
  return found;
}
function lookup(word: string): string[] {
  const v = LEX[stripDiacritics(word).toLowerCase()];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/**
 * Given names that are also ordinary English words, which the tagger reads as nouns or adjectives
 * ("Bill", "Rose", "Frank"). Modal and very common verbs ("Will", "May", "Hope") are left out: at the
 * start of a sentence they are far more often the word.
 */
const WORD_FIRST_NAMES: Record<string, 'male' | 'female'> = {
  bill: 'male',
  frank: 'male',
  ray: 'male',
  gene: 'male',
  dean: 'male',
  max: 'male',
  earl: 'male',
  jay: 'male',
  rocky: 'male',
  buck: 'male',
  chuck: 'male',
  hank: 'male',
  lance: 'male',
  wade: 'male',
  clay: 'male',
  cliff: 'male',
  glen: 'male',
  herb: 'male',
  rod: 'male',
  rusty: 'male',
  sandy: 'female',
  rose: 'female',
  dawn: 'female',
  robin: 'female',
  ivy: 'female',
  holly: 'female',
  joy: 'female',
  penny: 'female',
  eve: 'female',
  faith: 'female',
  lily: 'female',
  iris: 'female',
  violet: 'female',
  ruby: 'female',
  pearl: 'female',
  daisy: 'female',
  hazel: 'female',
  olive: 'female',
  jasmine: 'female',
  heather: 'female',
  fern: 'female',
};

// Asked of every capitalised word, several times: memoised per extraction (see ./memo.ts).
export const firstNameGender = memoByWord(firstNameGenderOf);

function firstNameGenderOf(word: string): 'male' | 'female' | 'unknown' | undefined {
  const own = WORD_FIRST_NAMES[word.toLowerCase()];
  if (own && /^\p{Lu}\p{Ll}/u.test(word)) return own;
  const t = tags(word);
  if (t.includes('MaleName')) return 'male';
  if (t.includes('FemaleName')) return 'female';
  if (t.includes('FirstName')) return 'unknown';
  return undefined;
}

/**
 * Given names the tagger does not know, with the gender their bearers mostly have, from the
 * gender-detection-from-name package's English list (MIT; about 32,000 names from birth records).
 * Loaded on first use. The list also holds surnames and words ("Carter", "Long"), so it only
 * says which gender a name's first word suggests; it never decides that a word is a name.
 */
let givenNames: Map<string, string> | undefined;
const requireList = createRequire(import.meta.url);

/** Names given to boys and girls alike, which the list files under one gender. */
const UNISEX_NAMES = new Set(
  'alex ali andrea ashley avery bailey blair cameron casey charlie dale dana devon drew eden elliot emerson finley frankie glenn hayden jaime jamie jean jesse jo jody jordan kai kelly kerry kim kit lee leslie lou marion morgan nicola noel pat quinn reese riley robin rory sam sandy sasha shannon shay skyler stacy sydney taylor terry toni tracy val'.split(
    ' ',
  ),
);

/** The gender a person's first name suggests: the tagger's, else the name list's; undefined when neither knows the name. */
export const givenNameGender = memoByWord(givenNameGenderOf);

function givenNameGenderOf(word: string): 'male' | 'female' | 'unknown' | undefined {
  const own = firstNameGender(word);
  if (own === 'male' || own === 'female') return own;
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?$/u.test(word)) return undefined;
  const l = stripDiacritics(word).toLowerCase();
  if (UNISEX_NAMES.has(l)) return 'unknown';
  givenNames ??= requireList('gender-detection-from-name/names/en.js') as Map<string, string>;
  const g = givenNames.get(l);
  return g === 'male' || g === 'female' ? g : own;
}

/** A verb form that takes an object ("praised", "met", "asks"): a name after it is not the subject. */
export const isVerbForm = memoByWord(verbForm);
function verbForm(word: string): boolean {
  const t = tags(word);
  if (t.some((x) => x === 'PastTense' || x === 'Infinitive' || x === 'PresentTense' || x === 'Verb' || x === 'Gerund'))
    return true;
  return t.length === 0 && /\p{Ll}(?:ed|ing)$/u.test(word);
}

/**
 * A word that can be a clause's verb: what `isVerbForm` says, and past forms the lexicon files as
 * adjectives ("rejected", "devastated").
 */
export const isVerbLike = memoByWord(verbLike);
function verbLike(word: string): boolean {
  if (isVerbForm(word)) return true;
  if (!/^\p{Ll}{3,}ed$/u.test(word)) return false;
  const t = tags(word);
  return !t.some((x) => x === 'Singular' || x === 'Plural' || x === 'Noun' || x === 'Uncountable');
}

/** A capitalised nationality or country code: "Swiss", "Russian", "U.S.", "UK". */
export const isDemonym = memoByWord(demonym);
function demonym(word: string): boolean {
  if (/^(?:\p{Lu}\.){2,}$/u.test(word) || /^\p{Lu}{2,3}$/u.test(word)) return true;
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  return tags(word).includes('Demonym') || /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i)$/u.test(word);
}

/** A place the lexicon knows ("Hong Kong", "Tel Aviv", "Frankfurt"), as a whole or word by word. */
function place(t: string[]): boolean {
  return t.some((x) => x === 'Place' || x === 'City' || x === 'Country' || x === 'Region');
}
// Asked of every capitalised run, several times: memoised per extraction (no word holds a NUL).
const placeNameOfKey = memoByWord((key: string) => placeName(key.split('\u0000')));
export function isPlaceName(words: string[]): boolean {
  return placeNameOfKey(words.join('\u0000'));
}
function placeName(words: string[]): boolean {
  if (place(lookup(words.length === 1 ? words[0]! : words.join(' ')))) return true;
  // "Northern Ireland", "South Sudan", "West Java": a compass word before a place.
  if (words.length === 2 && /^(North|South|East|West|Northern|Southern|Eastern|Western|Central)$/.test(words[0]!))
    return place(tags(words[1]!));
  return words.length === 1 && place(tags(words[0]!));
}

/** A name the lexicon knows as an organisation ("Facebook", "Twitter"). */
export function isOrganisationName(word: string): boolean {
  return tags(word).includes('Organization');
}

/** A plain lower-case noun ("figure", "chef", "blogger"), as descriptors before a name are. */
export const isPlainNoun = memoByWord(plainNoun);
function plainNoun(word: string): boolean {
  const t = tags(word);
  return (
    t.some((x) => x === 'Singular' || x === 'Actor' || x === 'Noun') &&
    !t.some((x) => x === 'Preposition' || x === 'Determiner' || x === 'Pronoun' || x === 'Conjunction')
  );
}

/** A word the lexicon knows as something other than a name (a noun, verb, adjective …). */
export const isCommonWord = memoByWord(commonWord);
function commonWord(word: string): boolean {
  const t = tags(word);
  if (t.length === 0) return false;
  return !t.some(
    (x) =>
      x === 'FirstName' ||
      x === 'MaleName' ||
      x === 'FemaleName' ||
      x === 'LastName' ||
      x === 'Person' ||
      x === 'Place' ||
      x === 'Country' ||
      x === 'City' ||
      x === 'Organization' ||
      x === 'ProperNoun',
  );
}

export function isActorNoun(word: string): boolean {
  return tags(word).includes('Actor');
}

export const FUNCTION_WORDS = wordSet`
  the a an and or but nor so yet if when while after before since as because although though whether that this these
  those it its he she they we i you his her their our my your him them us me who whom whose which what where there here
  then also not no yes on in at to of for from by with about against between into onto over under than toward towards
  without within via per during despite among amid across through upon like including according regarding until is was
  are were be been being has have had will would can could should may might must shall do does did late last next early
  later earlier yesterday today tomorrow tonight now however meanwhile currently normally officially reportedly shortly
  together both some many most one two three several other others another each every all any such only even still just
  more less speaking asked in once instead monday tuesday wednesday thursday friday saturday sunday january february
  march april june july august september october november december jan. feb. aug. sept. sep. oct. nov. dec. critics
  officials police reports residents protesters
`;

export const PREPOSITIONS = wordSet`
  to of with by for from about against between at on in into than toward towards under over without like via including
  among upon after before behind beside besides through across during amid whom asking urging thanking congratulate
  congratulated coached met meet called told telling informed asked urged
`;

/** Title words that stand before a name ("Prime Minister", "Rep.", "Dr."). Lower-cased, without a final dot. */
export const TITLES = wordSet`
  president vice prime minister secretary senator sen rep reps representative congressman congresswoman governor gov
  mayor judge justice chief executive director general gen admiral adm colonel col captain capt lieutenant lt sergeant
  sgt officer detective det inspector commissioner chancellor king queen prince princess crown duke duchess lord lady
  sir dame pope cardinal archbishop bishop rabbi imam reverend rev dr doctor prof professor mr mrs ms miss mx ambassador
  envoy special speaker spokesman spokeswoman spokesperson adviser advisor counsel attorney deputy acting former ex
  leader chairman chairwoman chair ceo founder mp mep premier sheikh emir sultan coach manager prosecutor solicitor
  senior presidential interior foreign health defense defence finance home justice education trade economy culture
  energy transport labor labour agriculture environment army navy treasury state attorney-general ex-prime ex-president
  president-elect first mayor-elect assistant associate superintendent sheriff constable chief-executive
  secretary-general commander marshal major corporal private governor-general member councillor councilor alderman
  delegate nominee candidate
`;

/** Lower-case nouns naming a role ("the envoy said"). Checked together with compromise's Actor tag. */
export const ROLE_NOUNS = wordSet`
  envoy adviser advisor negotiator protester protestor prosecutor executive director official journalist spokesman
  spokeswoman spokesperson minister president secretary senator governor mayor judge ambassador leader chairman
  chairwoman chair lawmaker legislator representative congressman congresswoman diplomat officer commissioner chancellor
  rapporteur analyst expert economist lawyer attorney counsel doctor surgeon professor scientist researcher activist
  campaigner candidate nominee founder ceo manager coach player captain witness victim suspect student teacher author
  writer columnist editor reporter correspondent broadcaster mp mep premier king queen prince princess pope bishop
  archbishop cardinal rabbi imam general admiral colonel commander chief head sheriff detective inspector constable
  speaker member mother father wife husband son daughter brother sister widow widower fiancée fiancee fiancé fiance
  girlfriend boyfriend partner owner resident official aide strategist pollster historian veteran survivor motorcyclist
  driver pilot soldier deputy delegate councillor councilor mediator monarch emir sheikh sultan prosecutors republican
  democrat conservative liberal socialist critic supporter opponent organiser organizer negotiators striker midfielder
  defender winger goalkeeper footballer cricketer batsman bowler quarterback pitcher athlete cyclist swimmer boxer dean
  provost rector lecturer fellow principal headteacher vicar priest pastor chaplain magistrate coroner registrar clerk
  treasurer barrister solicitor-advocate juror defendant claimant plaintiff paramedic nurse midwife referee umpire
  headmaster headmistress shopkeeper publican
`;

export const FEMALE_WORDS = wordSet`
  mrs ms miss queen princess lady dame duchess wife mother daughter sister widow fiancée fiancee girlfriend actress
  chairwoman spokeswoman congresswoman businesswoman grandmother aunt niece madam mme mlle empress
`;
export const MALE_WORDS = wordSet`
  mr king prince lord sir duke husband father son brother widower fiancé fiance boyfriend chairman spokesman congressman
  businessman grandfather uncle nephew emperor pope sheikh emir sultan
`;

/** Heads of organisation names ("State Department", "Syrian Democratic Forces"). */
export const ORG_HEADS = wordSet`
  department forces force office ministry international party council committee commission agency police embassy
  government administration university court nations union assembly parliament congress senate house times post news
  journal guardian network foundation institute bank group corporation company inc. ltd association organization
  organisation service services army navy front movement league bureau board church school college hospital airport
  station street square river republic kingdom states library pool photo press channel radio tv television club team
  charity orchestra platform holdings base kremlin pentagon white fund authority authorities federation coalition
  alliance brigade brigades militia tribunal cabinet secretariat directorate centre center museum trust society council
  unit reuters ap afp bbc cnn nbc cbs abc pbs images getty newspaper magazine daily mail telegraph herald tribune
  gazette independent observer review monitor express star body watchdog forum institution consortium collective caucus
  conference initiative courier legion association academy laboratory lab clinic trust council federation confederation
  securities capital partners investments ventures banks products industries systems technologies solutions labs media
  pharmaceuticals airlines airways motors energy logistics insurance entertainment studios records publishing
  communications telecom electric foods brands stores events productions promotions
  fc afc rovers wanderers athletic albion rangers harriers hotspur town united
`;

/** Lower-case nouns that make an organisation speaker out of a possessive or a determiner ("Erdogan's office"). */
export const ORG_NOUNS = wordSet`
  office ministry department government embassy agency police company party campaign administration commission committee
  council court army military team group union bank board spokesperson cabinet presidency palace firm club authorities
  statement militia coalition alliance network newspaper broadcaster channel outlet organisation organization regulator
  airline carrier retailer maker giant operator insurer lender publisher charity authority
`;

/** Heads of an appositive that make the name before it an organisation ("Brightwave, the streaming company,"). */
export const APPOSITIVE_ORG_NOUNS = wordSet`
  company firm group carmaker chipmaker automaker retailer broadcaster charity airline bank startup start-up insurer
  lender publisher operator union party agency organisation organization network supermarket chain manufacturer maker
  developer giant conglomerate club newspaper website regulator watchdog think-tank foundation nonprofit non-profit
  provider consultancy utility supplier distributor
`;

/** Organisation nouns that name a business; a later "the company" looks for one of these heads or the article's subject. */
export const COMPANY_NOUNS = wordSet`
  company firm group airline carrier retailer maker giant operator insurer lender publisher bank carmaker automaker
  chipmaker manufacturer supermarket chain broadcaster startup start-up developer brewer supplier utility conglomerate
`;
export const COMPANY_HEADS = wordSet`
  inc inc. ltd corp corp. corporation company group holdings bank plc llc airlines airways motors technologies systems
  industries
`;
/** Organisation-looking heads that name places: never a speaker found by "the agency said". */
export const PLACE_HEADS = wordSet`
  states republic kingdom street square river airport station hospital nations base white house kremlin pentagon photo
  pool images
`;

/** Name particles that may stand in lower case inside a name ("Mohammad bin Salman"). */
export const NAME_PARTICLES = wordSet`bin ibn al el de del della da das do dos di du la le van von der den ter y af zu`;

// Asked of most words of every subject phrase: memoised per extraction (see ./memo.ts).
export const isRoleNoun = memoByWord((word: string) => {
  const w = word.toLowerCase().replace(/\.$/, '');
  return ROLE_NOUNS.has(w) || TITLES.has(w) || isActorNoun(w);
});

/** Nouns for texts that can carry quoted words: their issuer (or, unnamed, nobody) is the speaker. */
export const DOCUMENT_NOUNS = wordSet`
  statement statements report study letter notice ruling judgment judgement decision law bill draft document website
  site post tweet blog article memo filing complaint indictment petition survey poll guidance constitution amendment
  announcement release communique communiqué email e-mail message note transcript order verdict motion resolution
  declaration manifesto challenge advertisement advert ad campaign platform page essay column editorial op-ed paper
  proposal regulation rules code charter treaty agreement contract policy plan words
`;

/** Texts whose words have no author unless the article gives one: signs, banners, captions. */
export const WRITTEN_TEXT_NOUNS = wordSet`
  sign signs banner banners placard placards poster posters graffiti caption headline shirt shirts t-shirt t-shirts wall
  inscription plaque sticker stickers billboard meme flag flags leaflet leaflets flyer flyers graffito mural board
  boards
`;

/** Plain nouns for a person, too general to pick anyone out ("the woman said", "the source said"). */
export const GENERIC_PERSON_NOUNS = wordSet`
  man woman person source girl boy individual resident witness eyewitness neighbour neighbor passenger customer worker
  employee voter fan user local visitor student teenager child pensioner marcher protester protestor demonstrator
  insider official participant attendee victim survivor friend relative colleague driver shopper spectator bystander
  onlooker mother father
`;

/** Kinship nouns, with the gender they give. */
export const KINSHIP: Record<string, 'male' | 'female' | 'unknown'> = {
  father: 'male',
  mother: 'female',
  dad: 'male',
  mum: 'female',
  mom: 'female',
  husband: 'male',
  wife: 'female',
  son: 'male',
  daughter: 'female',
  brother: 'male',
  sister: 'female',
  grandfather: 'male',
  grandmother: 'female',
  uncle: 'male',
  aunt: 'female',
  nephew: 'male',
  niece: 'female',
  widow: 'female',
  widower: 'male',
  fiancé: 'male',
  fiancée: 'female',
  fiance: 'male',
  fiancee: 'female',
  partner: 'unknown',
  parent: 'unknown',
  child: 'unknown',
  sibling: 'unknown',
  cousin: 'unknown',
  boyfriend: 'male',
  girlfriend: 'female',
  stepfather: 'male',
  stepmother: 'female',
  stepdaughter: 'female',
  stepson: 'male',
};

/** Determiners and quantifiers that open a noun phrase for someone the article does not name. */
export const INDEFINITE_OPENERS = wordSet`
  a an one another some several many most few two three four five six seven eight nine ten dozens hundreds thousands
  numerous various other others certain multiple any
`;

/**
 * Capitalised words that never name a person or an organisation by themselves: religions,
 * nationalities used as nouns, languages, contracted pronouns, interview labels.
 */
export const NOT_NAMES = wordSet`
  i'm i’m i've i’ve i'd i’d i'll i’ll i wn muslim muslims islamic islam christian christians christianity jewish jew
  jews judaism hindu hindus buddhist buddhists sikh sikhs catholic catholics protestant protestants sunni sunnis shia
  shi’a shi'a shi'as shiite shiites atheist atheists western eastern northern southern english spanish french german
  portuguese russian arabic farsi persian chinese japanese korean italian dutch greek turkish hebrew latin ukrainian
  polish hindi urdu bengali swahili creole mandarin cantonese god allah lord democrats republicans conservatives
  liberals socialists communists tories lefties birthers americans britons europeans africans asians arabs kurds
  russians ukrainians israelis palestinians iranians greeks germans internet web covid-19 coronavirus image photo video
  update note editor correction related sources source quote translation original
`;

/** Heads of names of events, agreements, laws and eras: never a person ("Camp David Accords", "Election Day"). */
export const EVENT_HEADS = wordSet`
  accords accord convention conference summit games olympics festival day week month year war crisis pandemic law laws
  act march rally protest protests election elections debate debates award awards prize cup championship championships
  tournament open series season era revolution movement treaty agreement plan doctrine bill amendment expo fair show
  parade marathon trophy medal index report strategy program programme project initiative deal
`;

/**
 * A capitalised word that is an ordinary word, not a name: the lexicon knows it as one, or it has an
 * ending names rarely have ("Territory", "Convention", "Development").
 */
export function isOrdinaryWord(word: string): boolean {
  let hit = ordinaryCache.get(word);
  if (hit === undefined) {
    hit =
      firstNameGender(word) === undefined &&
      !tags(word).includes('LastName') &&
      (isCommonWord(word) ||
        /^\p{Lu}\p{Ll}{3,}(tion|sion|ment|ness|ity|ance|ence|ism|ory|ure|ship|hood|dom|ics|ies|ings)$/u.test(word));
    if (ordinaryCache.size < 20_000) ordinaryCache.set(word, hit);
  }
  return hit;
}
const ordinaryCache = new Map<string, boolean>();

/**
 * Every word of a capitalised run is an English word, and the lexicon knows one of them as an
 * ordinary word: "Red Hat", "Interest Groups", "Natural Law" — not "Lee Marsh" (both are in the
 * dictionary, neither is an everyday word to the lexicon) nor "Donald Trump" (a first name).
 */
export function isOrdinaryPhrase(words: string[]): boolean {
  if (words.some((w) => firstNameGender(w) !== undefined || tags(w).includes('LastName'))) return false;
  return (
    words.every((w) => isOrdinaryWord(w) || isDictionaryWord(w)) &&
    words.some((w) => isCommonWord(w) || isOrdinaryWord(w))
  );
}

export function isNotName(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase());
}

/**
 * Word-class tests that the subject and cue rules ask of the same token again and again, answered
 * once per token and kept on it: two bits a test in `Token.flags` (asked, answer).
 */
function keptOnToken(t: Token, asked: number, test: (word: string) => boolean): boolean {
  const flags = t.flags ?? 0;
  if (flags & asked) return (flags & (asked << 1)) !== 0;
  const yes = test(t.text);
  t.flags = flags | asked | (yes ? asked << 1 : 0);
  return yes;
}
/** `isSpeechVerb(t.text)`, kept on the token. */
export const speechVerbToken = (t: Token): boolean => keptOnToken(t, 1, isSpeechVerb);
/** `isVerbLike(t.text)`, kept on the token. */
export const verbLikeToken = (t: Token): boolean => keptOnToken(t, 4, isVerbLike);
/** `isRoleNoun(t.text)`, kept on the token. */
export const roleNounToken = (t: Token): boolean => keptOnToken(t, 16, isRoleNoun);
