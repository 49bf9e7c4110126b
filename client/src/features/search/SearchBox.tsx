// Search on the map: a district by name or an address (offline geocoder), as a combobox (WAI-ARIA
// APG pattern): type, arrow keys move through the suggestions, Enter chooses, Escape closes. A
// district is selected (its profile opens, the map pans to it); an address is flown to and marked.
// A city without an address table (the API's `unavailable` ADDRESS_SEARCH, e.g. Chemnitz) is
// searched by area only, and the box says why in the API's words: no address is sent to the
// geocoder, which would place it on a Leipzig street of the same name.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useClient } from 'urql';
import { useI18n } from '../../app/i18n';
import type { GeocodeMatch } from '../../generated/graphql';
import { SEARCH_ADDRESS } from './queries';
import type { CityInfo } from '../city/CitySwitcher';
import { looksLikeAddress, matchAreas } from './search';

const TEXTS = {
  de: {
    label: 'Ortsteil oder Adresse suchen',
    placeholder: 'z. B. Grünau-Mitte oder Stuttgarter Allee 18',
    labelAreas: 'Gebiet suchen',
    placeholderAreas: (name: string) => `z. B. ${name}`,
    hint: 'Pfeiltasten wählen, Eingabe springt hin, Escape schließt.',
    district: 'Gebiet',
    address: 'Adresse',
    matches: { EXACT: 'genau', NEAREST_NUMBER: 'nächste Hausnummer', AMBIGUOUS: 'mehrdeutig', NOT_FOUND: 'nicht gefunden' } as Record<GeocodeMatch, string>,
    count: (n: number) => (n === 0 ? 'Keine Treffer.' : n === 1 ? '1 Treffer.' : `${n} Treffer.`),
    searching: 'Adresse wird gesucht …',
    ambiguous: 'Adresse mehrdeutig: bitte die Postleitzahl dazuschreiben.',
    notFound: 'Adresse nicht gefunden.',
    search: 'Suchen',
  },
  en: {
    label: 'Search a district or address',
    placeholder: 'e.g. Grünau-Mitte or Stuttgarter Allee 18',
    labelAreas: 'Search an area',
    placeholderAreas: (name: string) => `e.g. ${name}`,
    hint: 'Arrow keys choose, Enter goes there, Escape closes.',
    district: 'Area',
    address: 'Address',
    matches: { EXACT: 'exact', NEAREST_NUMBER: 'nearest house number', AMBIGUOUS: 'ambiguous', NOT_FOUND: 'not found' } as Record<GeocodeMatch, string>,
    count: (n: number) => (n === 0 ? 'No results.' : n === 1 ? '1 result.' : `${n} results.`),
    searching: 'Looking up the address …',
    ambiguous: 'Address ambiguous: please add the postcode.',
    notFound: 'Address not found.',
    search: 'Search',
  },
};

export interface SearchArea {
  id: number;
  name: string;
}
export interface FoundAddress {
  lon: number;
  lat: number;
  label: string;
  match: GeocodeMatch;
  areaName: string | null;
}
type Option = { kind: 'area'; id: number; name: string } | { kind: 'address'; found: FoundAddress };

export function SearchBox({ areas, city, onArea, onAddress }: { areas: readonly SearchArea[]; city: CityInfo | null; onArea: (id: number) => void; onAddress: (a: FoundAddress) => void }) {
  const { locale } = useI18n();
  const x = TEXTS[locale];
  const noAddresses = city?.unavailable.find((u) => u.what === 'ADDRESS_SEARCH') ?? null;
  const cityKey = city?.key ?? null;
  const client = useClient();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [geo, setGeo] = useState<{ text: string; state: 'pending' | 'done'; found: FoundAddress | null; match: GeocodeMatch | null } | null>(null);
  const seq = useRef(0);

  // the geocoder is asked once the typing pauses, and only for text with a house number
  useEffect(() => {
    if (noAddresses || !looksLikeAddress(text)) return setGeo(null);
    const mine = ++seq.current;
    setGeo({ text, state: 'pending', found: null, match: null });
    const timer = setTimeout(async () => {
      const res = await client.query(SEARCH_ADDRESS, { address: text.trim(), city: cityKey }).toPromise();
      if (mine !== seq.current) return;
      const g = res.data?.geocode;
      const found =
        g && g.lon !== null && g.lat !== null && g.address
          ? { lon: g.lon, lat: g.lat, match: g.match, areaName: g.area?.name ?? null, label: `${g.address.street} ${g.address.houseNumber}${g.address.postalCode ? `, ${g.address.postalCode}` : ''}` }
          : null;
      setGeo({ text, state: 'done', found, match: g?.match ?? null });
    }, 300);
    return () => clearTimeout(timer);
  }, [text, client, noAddresses, cityKey]);

  const options: Option[] = useMemo(() => {
    const list: Option[] = matchAreas(areas, text).map((a) => ({ kind: 'area', id: a.id, name: a.name }));
    if (geo?.found) list.unshift({ kind: 'address', found: geo.found });
    return list;
  }, [areas, text, geo]);
  useEffect(() => setActive(-1), [text]);

  const choose = (o: Option | undefined) => {
    if (!o) return;
    setOpen(false);
    setActive(-1);
    if (o.kind === 'area') {
      setText(o.name);
      onArea(o.id);
    } else {
      setText(o.found.label);
      onAddress(o.found);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(options[active >= 0 ? active : 0]);
    } else if (e.key === 'Escape') {
      // closes the list only; the profile below must not close with it
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      } else if (text) {
        e.preventDefault();
        setText('');
      }
    }
  };

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const expanded = open && options.length > 0;
  const status =
    !text.trim() ? '' : geo?.state === 'pending' ? x.searching : geo?.match === 'AMBIGUOUS' ? `${x.ambiguous} ${x.count(options.length)}` : geo?.match === 'NOT_FOUND' && !options.length ? x.notFound : x.count(options.length);
  return (
    <div className="search-box" data-testid="search">
      <label htmlFor={`${id}-input`}>{noAddresses ? x.labelAreas : x.label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={noAddresses ? `${id}-hint ${id}-no-addresses` : `${id}-hint`}
        autoComplete="off"
        placeholder={noAddresses ? x.placeholderAreas(areas[0]?.name ?? '') : x.placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKey}
        onFocus={() => text && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        data-testid="search-input"
      />
      <p id={`${id}-hint`} className="sr-only">{x.hint}</p>
      {noAddresses && (
        <p id={`${id}-no-addresses`} className="small muted" data-testid="search-no-addresses">
          {locale === 'en' ? noAddresses.messageEn : noAddresses.message}
        </p>
      )}
      <ul id={listId} role="listbox" aria-label={noAddresses ? x.labelAreas : x.label} className="search-options" hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={o.kind === 'area' ? `a${o.id}` : 'addr'}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(o)}
            data-testid="search-option"
          >
            {o.kind === 'area' ? (
              <>
                <span className="search-kind">{x.district}</span> {o.name}
              </>
            ) : (
              <>
                <span className="search-kind">{x.address}</span> {o.found.label} ({x.matches[o.found.match]}
                {o.found.areaName ? `, ${o.found.areaName}` : ''})
              </>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="small muted search-status" data-testid="search-status">{status}</p>
    </div>
  );
}
