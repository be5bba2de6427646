/** Word lists shared by the people and attribution rules (general English, nothing article-specific). */
import nlp from 'compromise';
import { stripDiacritics } from './tokens.js';

const LEX = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;

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

export function firstNameGender(word: string): 'male' | 'female' | 'unknown' | undefined {
  const t = tags(word);
  if (t.includes('MaleName')) return 'male';
  if (t.includes('FemaleName')) return 'female';
  if (t.includes('FirstName')) return 'unknown';
  return undefined;
}

/** A verb form that takes an object ("praised", "met", "asks"): a name after it is not the subject. */
export function isVerbForm(word: string): boolean {
  const t = tags(word);
  if (t.some((x) => x === 'PastTense' || x === 'Infinitive' || x === 'PresentTense' || x === 'Verb' || x === 'Gerund')) return true;
  return t.length === 0 && /\p{Ll}(?:ed|ing)$/u.test(word);
}

/** A capitalised nationality or country code: "Swiss", "Russian", "U.S.", "UK". */
export function isDemonym(word: string): boolean {
  if (/^(?:\p{Lu}\.){2,}$/u.test(word) || /^\p{Lu}{2,3}$/u.test(word)) return true;
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  return tags(word).includes('Demonym') || /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i)$/u.test(word);
}

export function isActorNoun(word: string): boolean {
  return tags(word).includes('Actor');
}

export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'nor', 'so', 'yet', 'if', 'when', 'while', 'after', 'before', 'since', 'as', 'because',
  'although', 'though', 'whether', 'that', 'this', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'my', 'your', 'him', 'them', 'us', 'me', 'who', 'whom', 'whose', 'which', 'what', 'where',
  'there', 'here', 'then', 'also', 'not', 'no', 'yes', 'on', 'in', 'at', 'to', 'of', 'for', 'from', 'by', 'with', 'about',
  'against', 'between', 'into', 'onto', 'over', 'under', 'than', 'toward', 'towards', 'without', 'within', 'via', 'per',
  'during', 'despite', 'among', 'amid', 'across', 'through', 'upon', 'like', 'including', 'according', 'regarding', 'until',
  'is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may',
  'might', 'must', 'shall', 'do', 'does', 'did', 'late', 'last', 'next', 'early', 'later', 'earlier', 'yesterday', 'today',
  'tomorrow', 'tonight', 'now', 'however', 'meanwhile', 'currently', 'normally', 'officially', 'reportedly', 'shortly',
  'together', 'both', 'some', 'many', 'most', 'one', 'two', 'three', 'several', 'other', 'others', 'another', 'each', 'every',
  'all', 'any', 'such', 'only', 'even', 'still', 'just', 'more', 'less', 'speaking', 'asked', 'in', 'once', 'instead',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.', 'sep.', 'oct.',
  'nov.', 'dec.', 'critics', 'officials', 'police', 'reports', 'residents', 'protesters',
]);

export const PREPOSITIONS = new Set([
  'to', 'of', 'with', 'by', 'for', 'from', 'about', 'against', 'between', 'at', 'on', 'in', 'into', 'than', 'toward', 'towards',
  'under', 'over', 'without', 'like', 'via', 'including', 'among', 'upon', 'after', 'before', 'behind', 'beside', 'besides',
  'through', 'across', 'during', 'amid', 'whom', 'asking', 'urging', 'thanking', 'congratulate', 'congratulated', 'coached',
  'met', 'meet', 'called', 'told', 'telling', 'informed', 'asked', 'urged',
]);

/** Title words that stand before a name ("Prime Minister", "Rep.", "Dr."). Lower-cased, without a final dot. */
export const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'senator', 'sen', 'rep', 'reps', 'representative', 'congressman',
  'congresswoman', 'governor', 'gov', 'mayor', 'judge', 'justice', 'chief', 'executive', 'director', 'general', 'gen', 'admiral',
  'adm', 'colonel', 'col', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'officer', 'detective', 'det', 'inspector',
  'commissioner', 'chancellor', 'king', 'queen', 'prince', 'princess', 'crown', 'duke', 'duchess', 'lord', 'lady', 'sir', 'dame',
  'pope', 'cardinal', 'archbishop', 'bishop', 'rabbi', 'imam', 'reverend', 'rev', 'dr', 'doctor', 'prof', 'professor', 'mr',
  'mrs', 'ms', 'miss', 'mx', 'ambassador', 'envoy', 'special', 'speaker', 'spokesman', 'spokeswoman', 'spokesperson', 'adviser',
  'advisor', 'counsel', 'attorney', 'deputy', 'acting', 'former', 'ex', 'leader', 'chairman', 'chairwoman', 'chair', 'ceo',
  'founder', 'mp', 'mep', 'premier', 'sheikh', 'emir', 'sultan', 'coach', 'manager', 'prosecutor', 'solicitor', 'senior',
  'presidential', 'interior', 'foreign', 'health', 'defense', 'defence', 'finance', 'home', 'justice', 'education', 'trade',
  'economy', 'culture', 'energy', 'transport', 'labor', 'labour', 'agriculture', 'environment', 'army', 'navy', 'treasury',
  'state', 'attorney-general', 'ex-prime', 'ex-president', 'president-elect', 'first', 'mayor-elect', 'assistant', 'associate',
  'superintendent', 'sheriff', 'constable', 'chief-executive', 'secretary-general', 'commander', 'marshal', 'major', 'corporal',
  'private', 'governor-general', 'member', 'councillor', 'councilor', 'alderman', 'delegate', 'nominee', 'candidate',
]);

/** Lower-case nouns naming a role ("the envoy said"). Checked together with compromise's Actor tag. */
export const ROLE_NOUNS = new Set([
  'envoy', 'adviser', 'advisor', 'negotiator', 'protester', 'protestor', 'prosecutor', 'executive', 'director', 'official',
  'journalist', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'president', 'secretary', 'senator', 'governor',
  'mayor', 'judge', 'ambassador', 'leader', 'chairman', 'chairwoman', 'chair', 'lawmaker', 'legislator', 'representative',
  'congressman', 'congresswoman', 'diplomat', 'officer', 'commissioner', 'chancellor', 'rapporteur', 'analyst', 'expert',
  'economist', 'lawyer', 'attorney', 'counsel', 'doctor', 'surgeon', 'professor', 'scientist', 'researcher', 'activist',
  'campaigner', 'candidate', 'nominee', 'founder', 'ceo', 'manager', 'coach', 'player', 'captain', 'witness', 'victim',
  'suspect', 'student', 'teacher', 'author', 'writer', 'columnist', 'editor', 'reporter', 'correspondent', 'broadcaster',
  'mp', 'mep', 'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'archbishop', 'cardinal', 'rabbi', 'imam',
  'general', 'admiral', 'colonel', 'commander', 'chief', 'head', 'sheriff', 'detective', 'inspector', 'constable', 'speaker',
  'member', 'mother', 'father', 'wife', 'husband', 'son', 'daughter', 'brother', 'sister', 'widow', 'widower', 'fiancée',
  'fiancee', 'fiancé', 'fiance', 'girlfriend', 'boyfriend', 'partner', 'owner', 'resident', 'official', 'aide', 'strategist',
  'pollster', 'historian', 'veteran', 'survivor', 'motorcyclist', 'driver', 'pilot', 'soldier', 'deputy', 'delegate',
  'councillor', 'councilor', 'mediator', 'monarch', 'emir', 'sheikh', 'sultan', 'prosecutors', 'republican', 'democrat',
  'conservative', 'liberal', 'socialist', 'critic', 'supporter', 'opponent', 'organiser', 'organizer', 'negotiators',
  'striker', 'midfielder', 'defender', 'winger', 'goalkeeper', 'footballer', 'cricketer', 'batsman', 'bowler', 'quarterback',
  'pitcher', 'athlete', 'cyclist', 'swimmer', 'boxer',
]);

export const FEMALE_WORDS = new Set([
  'mrs', 'ms', 'miss', 'queen', 'princess', 'lady', 'dame', 'duchess', 'wife', 'mother', 'daughter', 'sister', 'widow',
  'fiancée', 'fiancee', 'girlfriend', 'actress', 'chairwoman', 'spokeswoman', 'congresswoman', 'businesswoman', 'grandmother',
  'aunt', 'niece', 'madam', 'mme', 'mlle', 'empress',
]);
export const MALE_WORDS = new Set([
  'mr', 'king', 'prince', 'lord', 'sir', 'duke', 'husband', 'father', 'son', 'brother', 'widower', 'fiancé', 'fiance',
  'boyfriend', 'actor', 'chairman', 'spokesman', 'congressman', 'businessman', 'grandfather', 'uncle', 'nephew', 'emperor',
  'pope', 'sheikh', 'emir', 'sultan',
]);

/** Heads of organisation names ("State Department", "Syrian Democratic Forces"). */
export const ORG_HEADS = new Set([
  'department', 'forces', 'force', 'office', 'ministry', 'international', 'party', 'council', 'committee', 'commission', 'agency',
  'police', 'embassy', 'government', 'administration', 'university', 'court', 'nations', 'union', 'assembly', 'parliament',
  'congress', 'senate', 'house', 'times', 'post', 'news', 'journal', 'guardian', 'network', 'foundation', 'institute', 'bank',
  'group', 'corporation', 'company', 'inc.', 'ltd', 'association', 'organization', 'organisation', 'service', 'services',
  'army', 'navy', 'front', 'movement', 'league', 'bureau', 'board', 'church', 'school', 'college', 'hospital', 'airport',
  'station', 'street', 'square', 'river', 'republic', 'kingdom', 'states', 'library', 'pool', 'photo', 'press', 'channel',
  'radio', 'tv', 'television', 'club', 'team', 'charity', 'orchestra', 'platform', 'holdings', 'base', 'kremlin', 'pentagon',
  'white', 'fund', 'authority', 'authorities', 'federation', 'coalition', 'alliance', 'brigade', 'brigades', 'militia',
  'tribunal', 'cabinet', 'secretariat', 'directorate', 'centre', 'center', 'museum', 'trust', 'society', 'council', 'unit',
  'reuters', 'ap', 'afp', 'bbc', 'cnn', 'nbc', 'cbs', 'abc', 'pbs', 'images', 'getty', 'newspaper', 'magazine', 'daily',
  'mail', 'telegraph', 'herald', 'tribune', 'gazette', 'independent', 'observer', 'review', 'monitor', 'express', 'star',
]);

/** Lower-case nouns that make an organisation speaker out of a possessive or a determiner ("Erdogan's office"). */
export const ORG_NOUNS = new Set([
  'office', 'ministry', 'department', 'government', 'embassy', 'agency', 'police', 'company', 'party', 'campaign',
  'administration', 'commission', 'committee', 'council', 'court', 'army', 'military', 'team', 'group', 'union', 'bank',
  'board', 'spokesperson', 'cabinet', 'presidency', 'palace', 'firm', 'club', 'authorities', 'statement', 'militia',
  'coalition', 'alliance', 'network', 'newspaper', 'broadcaster', 'channel', 'outlet', 'organisation', 'organization',
  'regulator', 'airline', 'carrier', 'retailer', 'maker', 'giant', 'operator', 'insurer', 'lender', 'publisher', 'charity',
]);

/** Organisation nouns that name a business; a later "the company" looks for one of these heads or the article's subject. */
export const COMPANY_NOUNS = new Set(['company', 'firm', 'group', 'airline', 'carrier', 'retailer', 'maker', 'giant', 'operator', 'insurer', 'lender', 'publisher', 'bank']);
export const COMPANY_HEADS = new Set(['inc', 'inc.', 'ltd', 'corp', 'corp.', 'corporation', 'company', 'group', 'holdings', 'bank', 'plc', 'llc', 'airlines', 'airways', 'motors', 'technologies', 'systems', 'industries']);
/** Organisation-looking heads that name places: never a speaker found by "the agency said". */
export const PLACE_HEADS = new Set(['states', 'republic', 'kingdom', 'street', 'square', 'river', 'airport', 'station', 'hospital', 'nations', 'base', 'white', 'house', 'kremlin', 'pentagon', 'photo', 'pool', 'images']);

/** Name particles that may stand in lower case inside a name ("Mohammad bin Salman"). */
export const NAME_PARTICLES = new Set(['bin', 'ibn', 'al', 'el', 'de', 'del', 'della', 'da', 'das', 'do', 'dos', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'y', 'af', 'zu']);

export function isRoleNoun(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return ROLE_NOUNS.has(w) || TITLES.has(w) || isActorNoun(w);
}
