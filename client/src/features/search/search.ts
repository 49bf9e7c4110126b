// Matching what the planner types against district names: case, accents and ß do not matter
// ("grunau" finds Grünau-Mitte), names starting with the text come first.
export const normalise = (text: string) =>
  text
    .toLocaleLowerCase('de-DE')
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function matchAreas<A extends { name: string }>(areas: readonly A[], text: string, limit = 6): A[] {
  const q = normalise(text);
  if (!q) return [];
  const scored = areas
    .map((a) => ({ a, n: normalise(a.name) }))
    .filter(({ n }) => n.includes(q))
    .sort((x, y) => Number(!x.n.startsWith(q)) - Number(!y.n.startsWith(q)) || x.a.name.localeCompare(y.a.name, 'de'));
  return scored.slice(0, limit).map(({ a }) => a);
}

/** An address needs a house number: text with a digit is also sent to the geocoder. */
export const looksLikeAddress = (text: string) => /[a-zäöüß].*\d/i.test(text.trim());
