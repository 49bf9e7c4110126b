// Normalisation of German street names and house numbers for matching (not for display).
// The same function is applied to the address table and to every query, so spellings that differ
// only in ß/ss, umlauts/ae-oe-ue, "Str."/"Straße", case, spaces or hyphens meet on one key.

/**
 * Street key: lower case; ä/ö/ü → ae/oe/ue, ß → ss, other accents dropped; "straße"/"strasse"/"str."
 * → "str", "pl." → "platz"; every character that is not a letter or digit removed (so
 * "Saalfelder Straße", "Saalfelder Str." and the URI form "SaalfelderStrasse" share "saalfelderstr").
 */
export function streetKey(street: string): string {
  return street
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/strasse|str\b\.?/g, 'str')
    .replace(/pl\.(?=\s|$)/g, 'platz')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A house number as written, split into its parts. */
export interface HouseNumber {
  /** normalised key: digits and a lower-case suffix, no spaces ("12a", "12-14", "12/1") */
  key: string;
  /** the numbers it names, in order: "12-14" → [12, 14], "12a" → [12], "3,5" → [3, 5] */
  numbers: number[];
  /** letter suffix of a single number ("a" in "12a"), else null */
  suffix: string | null;
  /** true for a range such as "12-14" or "12–14" */
  range: boolean;
}

/**
 * Parses "12", "12a", "12 A", "19 a", "12-14", "12 – 14", "171-175", "3,5", "3;5", "12/1".
 * Returns null when there is no number at the start ("o. Nr.", "").
 */
export function parseHouseNumber(raw: string | null | undefined): HouseNumber | null {
  if (!raw) return null;
  const s = raw.normalize('NFC').toLowerCase().replace(/[–—]/g, '-').trim();
  const m = /^(\d+)\s*([a-z](?![a-z]))?/.exec(s);
  if (!m) return null;
  const first = Number(m[1]);
  const suffix = m[2] ?? null;
  const range = /^(\d+)\s*[a-z]?\s*-\s*(\d+)\s*[a-z]?$/.exec(s);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    return { key: `${a}-${b}`, numbers: a <= b ? [a, b] : [b, a], suffix: null, range: true };
  }
  const list = s.split(/\s*[,;]\s*/).map((p) => /^(\d+)/.exec(p)?.[1]).filter((p): p is string => p !== undefined);
  if (list.length > 1 && /^[\d\s,;a-z]+$/.test(s)) {
    return { key: list.join(','), numbers: list.map(Number), suffix: null, range: false };
  }
  const rest = s.slice(m[0].length).trim();
  // "12/1" or "12 Hinterhaus": keep the whole thing as key, the number for nearest-number search.
  const key = rest && !/^\d/.test(rest) && !rest.startsWith('/') ? `${first}${suffix ?? ''}` : `${first}${suffix ?? ''}${rest.replace(/\s+/g, '')}`;
  return { key, numbers: [first], suffix, range: false };
}

/** A free-text address split into street, house number, postcode and city. */
export interface AddressParts {
  street: string;
  houseNumber: string | null;
  postalCode: string | null;
  city: string | null;
}

/**
 * Splits "Dieskaustraße 138, 04249 Leipzig", "04249 Leipzig, Dieskaustr. 138", "Straße des 18. Oktober 15"
 * or "Georg-Schumann-Straße 171-175" into parts. The house number is the trailing number group of
 * the street part; a five-digit postcode and the words after it are postcode and city.
 */
export function parseAddress(text: string): AddressParts {
  let s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  let postalCode: string | null = null;
  let city: string | null = null;
  const plz = /(?:^|[\s,])(\d{5})\s+([^\d,][^,]*?)\s*(?:,|$)/.exec(s);
  if (plz) {
    postalCode = plz[1]!;
    city = plz[2]!.trim() || null;
    s = (s.slice(0, plz.index) + ',' + s.slice(plz.index + plz[0].length)).replace(/^[\s,]+|[\s,]+$/g, '');
  }
  s = s.replace(/,\s*(Leipzig|Deutschland|Germany)\s*$/i, (_, c: string) => {
    city ??= c;
    return '';
  });
  s = s.split(',').map((p) => p.trim()).filter(Boolean)[0] ?? '';
  const m = /^(.*?\D)\s*(\d+\s*[a-zA-Z]?(?:\s*[-–/]\s*\d+\s*[a-zA-Z]?)?)$/.exec(s);
  if (m && m[1]!.trim().length > 1) return { street: m[1]!.trim(), houseNumber: m[2]!.trim(), postalCode, city };
  return { street: s, houseNumber: null, postalCode, city };
}
