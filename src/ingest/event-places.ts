/**
 * Places the news names often, with their time zone ("20:15 local time" in Moscow is +03:00) and
 * the larger place they lie in (a meeting "at the Kremlin" is a meeting "in Moscow" and "in
 * Russia"). General world knowledge, kept small: an unknown place simply has no zone or parent.
 */

interface PlaceInfo {
  zone?: string;
  within?: string;
}

const PLACES: Record<string, PlaceInfo> = {
  // Seats of government and landmarks.
  kremlin: { within: 'moscow' },
  'red square': { within: 'moscow' },
  'white house': { within: 'washington' },
  capitol: { within: 'washington' },
  pentagon: { within: 'washington' },
  'camp david': { within: 'united states' },
  'mar-a-lago': { within: 'florida' },
  'downing street': { within: 'london' },
  westminster: { within: 'london' },
  elysee: { within: 'paris' },
  élysée: { within: 'paris' },
  'elysee palace': { within: 'paris' },
  'élysée palace': { within: 'paris' },
  vatican: { zone: 'Europe/Rome', within: 'rome' },
  zhongnanhai: { within: 'beijing' },
  'great hall of the people': { within: 'beijing' },
  bundestag: { within: 'berlin' },
  chancellery: { within: 'berlin' },
  reichstag: { within: 'berlin' },
  'un headquarters': { within: 'new york' },
  // Cities.
  moscow: { zone: 'Europe/Moscow', within: 'russia' },
  'st petersburg': { zone: 'Europe/Moscow', within: 'russia' },
  'st. petersburg': { zone: 'Europe/Moscow', within: 'russia' },
  sochi: { zone: 'Europe/Moscow', within: 'russia' },
  washington: { zone: 'America/New_York', within: 'united states' },
  'new york': { zone: 'America/New_York', within: 'united states' },
  miami: { zone: 'America/New_York', within: 'united states' },
  chicago: { zone: 'America/Chicago', within: 'united states' },
  'los angeles': { zone: 'America/Los_Angeles', within: 'united states' },
  london: { zone: 'Europe/London', within: 'united kingdom' },
  paris: { zone: 'Europe/Paris', within: 'france' },
  berlin: { zone: 'Europe/Berlin', within: 'germany' },
  brussels: { zone: 'Europe/Brussels', within: 'belgium' },
  luxembourg: { zone: 'Europe/Luxembourg' },
  geneva: { zone: 'Europe/Zurich', within: 'switzerland' },
  vienna: { zone: 'Europe/Vienna', within: 'austria' },
  rome: { zone: 'Europe/Rome', within: 'italy' },
  madrid: { zone: 'Europe/Madrid', within: 'spain' },
  lisbon: { zone: 'Europe/Lisbon', within: 'portugal' },
  oslo: { zone: 'Europe/Oslo', within: 'norway' },
  stockholm: { zone: 'Europe/Stockholm', within: 'sweden' },
  copenhagen: { zone: 'Europe/Copenhagen', within: 'denmark' },
  helsinki: { zone: 'Europe/Helsinki', within: 'finland' },
  warsaw: { zone: 'Europe/Warsaw', within: 'poland' },
  prague: { zone: 'Europe/Prague', within: 'czech republic' },
  budapest: { zone: 'Europe/Budapest', within: 'hungary' },
  kyiv: { zone: 'Europe/Kyiv', within: 'ukraine' },
  kiev: { zone: 'Europe/Kyiv', within: 'ukraine' },
  minsk: { zone: 'Europe/Minsk', within: 'belarus' },
  ankara: { zone: 'Europe/Istanbul', within: 'turkey' },
  istanbul: { zone: 'Europe/Istanbul', within: 'turkey' },
  athens: { zone: 'Europe/Athens', within: 'greece' },
  dublin: { zone: 'Europe/Dublin', within: 'ireland' },
  amsterdam: { zone: 'Europe/Amsterdam', within: 'netherlands' },
  'the hague': { zone: 'Europe/Amsterdam', within: 'netherlands' },
  zurich: { zone: 'Europe/Zurich', within: 'switzerland' },
  davos: { zone: 'Europe/Zurich', within: 'switzerland' },
  munich: { zone: 'Europe/Berlin', within: 'germany' },
  tehran: { zone: 'Asia/Tehran', within: 'iran' },
  baku: { zone: 'Asia/Baku', within: 'azerbaijan' },
  beijing: { zone: 'Asia/Shanghai', within: 'china' },
  shanghai: { zone: 'Asia/Shanghai', within: 'china' },
  tokyo: { zone: 'Asia/Tokyo', within: 'japan' },
  seoul: { zone: 'Asia/Seoul', within: 'south korea' },
  pyongyang: { zone: 'Asia/Pyongyang', within: 'north korea' },
  'new delhi': { zone: 'Asia/Kolkata', within: 'india' },
  delhi: { zone: 'Asia/Kolkata', within: 'india' },
  mumbai: { zone: 'Asia/Kolkata', within: 'india' },
  singapore: { zone: 'Asia/Singapore' },
  jakarta: { zone: 'Asia/Jakarta', within: 'indonesia' },
  bangkok: { zone: 'Asia/Bangkok', within: 'thailand' },
  doha: { zone: 'Asia/Qatar', within: 'qatar' },
  riyadh: { zone: 'Asia/Riyadh', within: 'saudi arabia' },
  jeddah: { zone: 'Asia/Riyadh', within: 'saudi arabia' },
  'abu dhabi': { zone: 'Asia/Dubai', within: 'united arab emirates' },
  dubai: { zone: 'Asia/Dubai', within: 'united arab emirates' },
  cairo: { zone: 'Africa/Cairo', within: 'egypt' },
  amman: { zone: 'Asia/Amman', within: 'jordan' },
  beirut: { zone: 'Asia/Beirut', within: 'lebanon' },
  damascus: { zone: 'Asia/Damascus', within: 'syria' },
  baghdad: { zone: 'Asia/Baghdad', within: 'iraq' },
  jerusalem: { zone: 'Asia/Jerusalem', within: 'israel' },
  'tel aviv': { zone: 'Asia/Jerusalem', within: 'israel' },
  nairobi: { zone: 'Africa/Nairobi', within: 'kenya' },
  'addis ababa': { zone: 'Africa/Addis_Ababa', within: 'ethiopia' },
  lagos: { zone: 'Africa/Lagos', within: 'nigeria' },
  abuja: { zone: 'Africa/Lagos', within: 'nigeria' },
  johannesburg: { zone: 'Africa/Johannesburg', within: 'south africa' },
  pretoria: { zone: 'Africa/Johannesburg', within: 'south africa' },
  ottawa: { zone: 'America/Toronto', within: 'canada' },
  toronto: { zone: 'America/Toronto', within: 'canada' },
  'mexico city': { zone: 'America/Mexico_City', within: 'mexico' },
  'panama city': { zone: 'America/Panama', within: 'panama' },
  brasilia: { zone: 'America/Sao_Paulo', within: 'brazil' },
  'buenos aires': { zone: 'America/Argentina/Buenos_Aires', within: 'argentina' },
  canberra: { zone: 'Australia/Sydney', within: 'australia' },
  sydney: { zone: 'Australia/Sydney', within: 'australia' },
  // Countries with one zone.
  russia: {},
  'united states': {},
  ukraine: { zone: 'Europe/Kyiv' },
  germany: { zone: 'Europe/Berlin' },
  france: { zone: 'Europe/Paris' },
  'united kingdom': { zone: 'Europe/London' },
  britain: { zone: 'Europe/London', within: 'united kingdom' },
  italy: { zone: 'Europe/Rome' },
  spain: { zone: 'Europe/Madrid' },
  poland: { zone: 'Europe/Warsaw' },
  turkey: { zone: 'Europe/Istanbul' },
  iran: { zone: 'Asia/Tehran' },
  china: { zone: 'Asia/Shanghai' },
  japan: { zone: 'Asia/Tokyo' },
  india: { zone: 'Asia/Kolkata' },
  egypt: { zone: 'Africa/Cairo' },
  israel: { zone: 'Asia/Jerusalem' },
  lebanon: { zone: 'Asia/Beirut' },
  jordan: { zone: 'Asia/Amman' },
  qatar: { zone: 'Asia/Qatar' },
  belgium: { zone: 'Europe/Brussels' },
  switzerland: { zone: 'Europe/Zurich' },
  kenya: { zone: 'Africa/Nairobi' },
};

const US_STATES = new Set(['florida', 'alaska', 'texas', 'california']);

function key(place: string): string {
  return place
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[’']s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The place and every larger place it lies in, known or not: ["kremlin", "moscow", "russia"]. */
export function placeChain(place: string): string[] {
  const out: string[] = [];
  let at: string | undefined = key(place).replace(/,.*$/, '');
  while (at && !out.includes(at)) {
    out.push(at);
    at = PLACES[at]?.within ?? (US_STATES.has(at) ? 'united states' : undefined);
  }
  return out;
}

/** Two places that can be one event's: the same, or one inside the other ("the Kremlin", "Moscow", "Russia"). */
export function placesAgree(a: string, b: string): boolean {
  const ca = placeChain(a);
  const cb = placeChain(b);
  return ca.includes(cb[0]!) || cb.includes(ca[0]!);
}

/** Two places known to be apart ("Berlin" and "Russia"): neither lies in the other and both are known. */
export function placesDisagree(a: string, b: string): boolean {
  if (placesAgree(a, b)) return false;
  const ka = key(a).replace(/,.*$/, '');
  const kb = key(b).replace(/,.*$/, '');
  return ka in PLACES && kb in PLACES;
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in the place's zone on that day (noon), when the place is known. */
export function placeZone(place: string, isoDay: string): number | undefined {
  const zone = placeChain(place)
    .map((p) => PLACES[p]?.zone)
    .find(Boolean);
  if (!zone) return undefined;
  let f = offsetFormatters.get(zone);
  if (!f)
    offsetFormatters.set(zone, (f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })));
  const name =
    f.formatToParts(new Date(`${isoDay.slice(0, 10)}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}
