/** Word lists the question grammar and the person resolver share. */

/** Event words and the event kinds they ask about (the model's kinds and the words of other events). */
export const EVENT_WORDS: Record<string, string> = {
  meeting: 'meeting',
  meetings: 'meeting',
  meet: 'meeting',
  meets: 'meeting',
  met: 'meeting',
  talks: 'meeting',
  summit: 'meeting',
  summits: 'meeting',
  negotiations: 'meeting',
  sitdown: 'meeting',
  call: 'call',
  calls: 'call',
  phonecall: 'call',
  conversation: 'call',
  visit: 'visit',
  visits: 'visit',
  trip: 'visit',
  travel: 'visit',
  tour: 'visit',
  vote: 'vote',
  votes: 'vote',
  voting: 'vote',
  ballot: 'vote',
  referendum: 'vote',
  election: 'vote',
  elections: 'vote',
  hearing: 'hearing',
  hearings: 'hearing',
  testimony: 'hearing',
  deposition: 'hearing',
  trial: 'hearing',
  sentencing: 'hearing',
  inquiry: 'hearing',
  deadline: 'deadline',
  deadlines: 'deadline',
  due: 'deadline',
  expiry: 'deadline',
  cutoff: 'deadline',
  speech: 'statement',
  announcement: 'statement',
  statement: 'statement',
  address: 'statement',
  conference: 'meeting',
  session: 'meeting',
  debate: 'meeting',
  rally: 'meeting',
  ceremony: 'meeting',
  funeral: 'meeting',
  vigil: 'meeting',
  recess: 'deadline',
  suspension: 'deadline',
  prorogation: 'deadline',
  event: 'event',
  events: 'event',
  appointment: 'event',
  schedule: 'event',
  scheduled: 'event',
  upcoming: 'event',
  die: 'death',
  died: 'death',
  dies: 'death',
  death: 'death',
  killed: 'death',
  murdered: 'death',
  stabbed: 'death',
  attack: 'death',
  attacked: 'death',
  arrested: 'death',
  arrest: 'death',
  resign: 'resignation',
  resigned: 'resignation',
  resignation: 'resignation',
  fired: 'resignation',
  ousted: 'resignation',
  sacked: 'resignation',
  leave: 'resignation',
  left: 'resignation',
  quit: 'resignation',
  publish: 'publication',
  published: 'publication',
  leaked: 'publication',
  leak: 'publication',
  released: 'publication',
  release: 'publication',
};

/** Verbs of saying: "who talked about", "did X mention". */
export const SAY_VERBS =
  'said|say|says|saying|talked|talk|talks|talking|spoke|speak|speaks|speaking|spoken|commented|comment|comments|mentioned|mention|mentions|mentioning|brought up|bring up|brings up|raised|raise|discussed|discuss|discusses|addressed|address|remarked|remark|tweeted|tweet|wrote|write|claimed|claim|stated|state|told|tell|noted|note|argued|argue|warned|warn|weighed in|weigh in|responded|respond|reacted|react|complained|complain|defended|defend|referred|refer|alluded|allude|touched on|touch on|called|quoted|quote|asserted|insisted|admitted|denied|deny';

/** Verbs of criticism and support: "who criticised X". */
export const CRITICISE_VERBS =
  'criticised|criticise|criticising|criticism of|critical of|attacked|attack|attacking|condemned|condemn|condemning|slammed|slam|blasted|blast|denounced|denounce|opposed|oppose|opposing|against|went after|go after|took aim at|take aim at|hit out at|lashed out at|complained about|questioned|faulted|blamed|blame|disagreed with|disagree with|criticize|criticized|accused|accuse|rebuked|mocked|objected to';
export const SUPPORT_VERBS =
  'praised|praise|defended|defend|backed|back|supported|support|supports|thanked|thank|applauded|applaud|welcomed|welcome|endorsed|endorse|sided with';

/** Words a criticism is made of, for ranking lines that criticise. */
export const CRITICISM_WORDS = new Set(
  'critic critics criticis criticiz unaccept unfair oppos mistak lie lies outrag danger irrespons wrong blame accus condemn attack betray stab disappoint ploy smash failur fail shame disgrac reckless abandon against undermin favor favour damag barbar barbarity favors favour'.split(
    ' ',
  ),
);

/** Words a line of support is made of (stems), for "who defended / backed X". */
export const SUPPORT_WORDS = new Set(
  'defend support backer praise thank applaud welcom endors proud credit dismiss champion'.split(' '),
);

/** Country and place adjectives → the names an article uses. */
export const DEMONYMS: Record<string, string[]> = {
  american: ['us', 'u.s', 'united states', 'america', 'american', 'washington', 'white house'],
  us: ['us', 'u.s', 'united states', 'america', 'american'],
  british: ['uk', 'britain', 'united kingdom', 'british', 'england', 'english', 'london'],
  uk: ['uk', 'britain', 'united kingdom', 'british'],
  english: ['england', 'english', 'uk', 'britain'],
  russian: ['russia', 'russian', 'kremlin', 'moscow'],
  ukrainian: ['ukraine', 'ukrainian', 'kyiv', 'kiev'],
  polish: ['poland', 'polish', 'gdansk', 'warsaw'],
  turkish: ['turkey', 'turkish', 'ankara', 'turkiye'],
  syrian: ['syria', 'syrian', 'damascus'],
  kurdish: ['kurd', 'kurds', 'kurdish', 'sdf', 'ypg'],
  saudi: ['saudi', 'saudi arabia', 'riyadh'],
  french: ['france', 'french', 'paris'],
  german: ['germany', 'german', 'berlin'],
  chinese: ['china', 'chinese', 'beijing'],
  hongkong: ['hong kong'],
  korean: ['korea', 'korean', 'pyongyang', 'seoul'],
  iranian: ['iran', 'iranian', 'tehran'],
  israeli: ['israel', 'israeli'],
  european: ['europe', 'european', 'eu', 'brussels'],
  canadian: ['canada', 'canadian'],
  indian: ['india', 'indian'],
  japanese: ['japan', 'japanese'],
  italian: ['italy', 'italian'],
  spanish: ['spain', 'spanish'],
  scottish: ['scotland', 'scottish'],
  irish: ['ireland', 'irish'],
  nato: ['nato'],
  un: ['un', 'united nations'],
};

/** US states: postal code → name (for "(D-CA)" and "the congressman from California"). */
export const US_STATES: Record<string, string> = {
  al: 'alabama',
  ak: 'alaska',
  az: 'arizona',
  ar: 'arkansas',
  ca: 'california',
  co: 'colorado',
  ct: 'connecticut',
  de: 'delaware',
  fl: 'florida',
  ga: 'georgia',
  hi: 'hawaii',
  id: 'idaho',
  il: 'illinois',
  in: 'indiana',
  ia: 'iowa',
  ks: 'kansas',
  ky: 'kentucky',
  la: 'louisiana',
  me: 'maine',
  md: 'maryland',
  ma: 'massachusetts',
  mi: 'michigan',
  mn: 'minnesota',
  ms: 'mississippi',
  mo: 'missouri',
  mt: 'montana',
  ne: 'nebraska',
  nv: 'nevada',
  nh: 'new hampshire',
  nj: 'new jersey',
  nm: 'new mexico',
  ny: 'new york',
  nc: 'north carolina',
  nd: 'north dakota',
  oh: 'ohio',
  ok: 'oklahoma',
  or: 'oregon',
  pa: 'pennsylvania',
  ri: 'rhode island',
  sc: 'south carolina',
  sd: 'south dakota',
  tn: 'tennessee',
  tx: 'texas',
  ut: 'utah',
  vt: 'vermont',
  va: 'virginia',
  wa: 'washington',
  wv: 'west virginia',
  wi: 'wisconsin',
  wy: 'wyoming',
  dc: 'district of columbia',
};

/** Words of the same office: a question's word → the words a role may use. */
export const ROLE_SYNONYMS: Record<string, string[]> = {
  congressman: ['rep', 'representative', 'congressman', 'congresswoman', 'lawmaker', 'house'],
  congresswoman: ['rep', 'representative', 'congressman', 'congresswoman', 'lawmaker', 'house'],
  representative: ['rep', 'representative', 'congressman', 'congresswoman', 'lawmaker'],
  lawmaker: ['rep', 'representative', 'senator', 'sen', 'mp', 'lawmaker', 'congressman', 'congresswoman', 'member'],
  legislator: ['rep', 'representative', 'senator', 'mp', 'lawmaker'],
  rep: ['rep', 'representative', 'congressman', 'congresswoman'],
  senator: ['senator', 'sen'],
  mp: ['mp', 'member', 'parliament'],
  pm: ['prime', 'minister'],
  premier: ['prime', 'minister', 'premier'],
  spokesman: ['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokesperson'],
  spokeswoman: ['spokesman', 'spokeswoman', 'spokesperson'],
  spokesperson: ['spokesman', 'spokeswoman', 'spokesperson'],
  adviser: ['adviser', 'advisor', 'aide', 'counsellor'],
  advisor: ['adviser', 'advisor', 'aide'],
  aide: ['adviser', 'advisor', 'aide', 'assistant'],
  envoy: ['envoy', 'emissary', 'negotiator', 'representative'],
  negotiator: ['negotiator', 'envoy'],
  boss: ['chief', 'head', 'leader', 'director', 'executive'],
  head: ['chief', 'head', 'leader', 'director', 'executive'],
  chief: ['chief', 'head', 'leader', 'director', 'executive'],
  leader: ['leader', 'chief', 'head', 'executive', 'president', 'premier'],
  doctor: ['dr', 'doctor', 'surgeon', 'physician'],
  surgeon: ['dr', 'doctor', 'surgeon'],
  cop: ['police', 'constable', 'officer'],
  police: ['police', 'constable', 'officer', 'commissioner'],
  lawyer: ['lawyer', 'attorney', 'counsel', 'prosecutor'],
  prosecutor: ['prosecutor', 'attorney'],
  fiance: ['fiance', 'fiancee'],
  fiancee: ['fiance', 'fiancee'],
  partner: ['fiance', 'fiancee', 'wife', 'husband', 'spouse', 'partner'],
  spouse: ['wife', 'husband', 'spouse'],
  mom: ['mother', 'mom', 'mum'],
  mum: ['mother', 'mom', 'mum'],
  dad: ['father', 'dad'],
  ambassador: ['ambassador', 'envoy'],
  king: ['king', 'monarch'],
  queen: ['queen', 'monarch'],
  monarch: ['queen', 'king', 'monarch'],
  protester: ['protester', 'protestor', 'activist', 'demonstrator'],
  activist: ['protester', 'activist'],
  secretary: ['secretary'],
  minister: ['minister', 'secretary'],
  reporter: ['reporter', 'journalist', 'columnist', 'correspondent'],
  journalist: ['journalist', 'reporter', 'columnist', 'correspondent'],
  rapporteur: ['rapporteur', 'investigator', 'expert'],
  investigator: ['rapporteur', 'investigator'],
  official: ['official', 'minister', 'secretary', 'adviser', 'spokesman', 'officer', 'director'],
};

/** Nouns that name a role or relation: a description's head ("the interior minister", "Dunn's mother"). */
export const ROLE_NOUNS = new Set([
  ...Object.keys(ROLE_SYNONYMS),
  ...'president minister secretary chancellor governor mayor general admiral commander director executive chairman chairwoman chair speaker judge justice attorney officer commissioner constable inspector sheriff spokesperson prince princess king queen emperor ruler dictator premier ambassador diplomat envoy adviser advisor aide negotiator leader head chief founder member representative senator rep mp lawmaker politician candidate nominee challenger rival opponent critic analyst expert professor scientist economist researcher student protester activist organiser organizer volunteer victim suspect attacker assailant killer witness survivor mother father brother sister son daughter wife husband widow widower fiance fiancee girlfriend boyfriend partner cousin uncle aunt nephew niece grandmother grandfather parent child family friend colleague lawyer prosecutor doctor surgeon nurse journalist reporter columnist editor writer author broadcaster presenter host anchor commentator blogger pundit official officials monarch owner ceo cfo boss manager employee worker motorcyclist driver pilot soldier rapporteur investigator archbishop bishop priest pope imam rabbi mp councillor'.split(
    ' ',
  ),
]);

/** Relations one person has to another: "the victim's mother", "Khashoggi's fiancée". */
export const RELATIONS = new Set(
  'mother father brother sister son daughter wife husband widow widower fiance fiancee girlfriend boyfriend partner cousin uncle aunt nephew niece grandmother grandfather parent parents family friend colleague lawyer spokesman spokeswoman spokesperson aide adviser advisor mom mum dad boss deputy assistant attorney'.split(
    ' ',
  ),
);

/** Words of an event question that say nothing about which event: never a filter. */
export const EVENT_FILLER = new Set(
  'still going ahead go ahead happen happened happening take place taken took place planned plan scheduled expected actually exactly really definitely going gonna will would be been being next upcoming coming soon date day time week month year when where whether long many days until till til before left remain remaining countdown count down status update news word confirmed cancelled canceled postponed called off delayed on off over done held set due supposed meant there any the a an is are was were did does do has have had it this that of to in for at with between and about by'.split(
    ' ',
  ),
);

/** Words that mark a person as the victim of what an article reports. */
export const VICTIM_WORDS =
  /\b(killed|murdered|slain|stabbed|shot|died|dies|dead|death of|victim|injured|wounded|struck|attacked|assassinated|kidnapped)\b/i;
