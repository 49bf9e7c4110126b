// Demo data (synthetic, deterministic): providers, services in the non-day-care categories with
// capacities, locations inside Ortsteile, funding 2015–2024, coverage norms, a social plan with
// goals and measures, plan references and participation events. Everything is linked to the
// synthetic Source "demo" and every name carries "(Demo)". Idempotent: natural keys
// (external ids, normalized names, titles, codes) are upserted, so a second run writes nothing.
import { Prisma } from '@sozialatlas/db';
import { inLeipzig } from './districts';
import { classifyProvider, normalizeProviderName, upsertProviders, type CapacityUnit, type FundingKind, type LegalBasis, type PrismaClient, type TargetGroup } from '@sozialatlas/db';
import { upsertCategories, type CoreCategoryKey as CategoryKey } from '../categories';
import { GOALS, upsertDemoPlan } from './demo-plan';
import { inTransaction, type Tx } from '../db';
import { rng } from '../random';
import { newReport, type ImportReport } from '../report';
import { SOURCES, upsertSource } from '../sources';

const SEED = 20240601;
export const DEMO_YEARS = { from: 2015, to: 2024 };
/** Number of demo services whose nominal funding is the same every year (falls in real terms). */
export const FLAT_FUNDING_SERVICES = 10;

/** Providers and the categories they run. Names sound real but are invented and marked "(Demo)". */
const PROVIDERS: [string, CategoryKey[]][] = [
  ['AWO Stadtteilarbeit Leipzig-Ost (Demo)', ['low_threshold', 'counselling']],
  ['AWO Seniorendienste Leipzig gGmbH (Demo)', ['senior_meeting', 'outpatient_help']],
  ['AWO Jugend- und Familienhilfe Leipzig (Demo)', ['youth_club', 'counselling']],
  ['Caritas Beratungsdienste Leipzig (Demo)', ['counselling']],
  ['Caritas Suchthilfe Leipzig gGmbH (Demo)', ['addiction_counselling']],
  ['Caritas Wohnungslosenhilfe St. Elisabeth (Demo)', ['homeless_help']],
  ['Diakonie Stadtmission Leipzig (Demo)', ['counselling', 'low_threshold']],
  ['Diakonie Suchtberatung Leipzig-Süd (Demo)', ['addiction_counselling']],
  ['Diakonie Wohnungsnotfallhilfe Leipzig (Demo)', ['homeless_help']],
  ['Diakonie Seniorenbegegnung Gohlis (Demo)', ['senior_meeting']],
  ['DRK Sozialdienste Leipzig (Demo)', ['outpatient_help', 'senior_meeting']],
  ['DRK Jugendrotkreuz Leipzig-Stadt (Demo)', ['youth_club']],
  ['DRK Seniorentreffs Leipzig-Nord (Demo)', ['senior_meeting']],
  ['Paritätischer Sachsen, Regionalgeschäftsstelle Leipzig (Demo)', ['counselling']],
  ['Paritätische Schuldnerberatung Leipzig (Demo)', ['counselling']],
  ['ZWST Integrationsberatung Leipzig (Demo)', ['counselling']],
  ['Stadtteilverein Grünau e. V. (Demo)', ['low_threshold', 'senior_meeting']],
  ['Nachbarschaftshilfe Volkmarsdorf e. V. (Demo)', ['low_threshold']],
  ['Jugendhaus Connewitz e. V. (Demo)', ['youth_club']],
  ['Offener Treff Paunsdorf e. V. (Demo)', ['low_threshold', 'youth_club']],
  ['Suchtprävention Leipzig e. V. (Demo)', ['addiction_counselling']],
  ['Frauen- und Familienzentrum Leipzig e. V. (Demo)', ['counselling', 'low_threshold']],
  ['Seniorenbüro Leipzig-Nord e. V. (Demo)', ['senior_meeting']],
  ['Straßensozialarbeit Leipzig e. V. (Demo)', ['homeless_help', 'low_threshold']],
  ['Migrationsberatung Leipzig e. V. (Demo)', ['counselling']],
  ['Kinder- und Jugendtreff Schönefeld e. V. (Demo)', ['youth_club']],
  ['Lebenshilfe Ambulante Dienste Leipzig (Demo)', ['outpatient_help']],
  ['Ambulante Hilfen Südwest gGmbH (Demo)', ['outpatient_help']],
  ['Soziale Dienste Sachsen GmbH (Demo)', ['outpatient_help']],
  ['Betreuungsdienst Leipzig GmbH (Demo)', ['outpatient_help']],
  ['Amt für Soziales und Senioren (Demo)', ['senior_meeting', 'counselling']],
  ['Amt für Jugend und Familie – Offene Jugendarbeit (Demo)', ['youth_club']],
  ['Evangelische Jugend Leipzig (Demo)', ['youth_club']],
  ['Katholische Jugendseelsorge Leipzig (Demo)', ['youth_club']],
  ['Verein für Wohnungslosenhilfe Leipzig e. V. (Demo)', ['homeless_help']],
  ['Drogenhilfe Leipzig e. V. (Demo)', ['addiction_counselling', 'low_threshold']],
  ['Begegnungsstätte Lindenau e. V. (Demo)', ['senior_meeting']],
  ['Bürgerverein Mockau e. V. (Demo)', ['low_threshold', 'senior_meeting']],
  ['Familienbildung Leipzig e. V. (Demo)', ['counselling']],
  ['Schuldnerberatung Leipzig gGmbH (Demo)', ['counselling']],
];

interface CategoryProfile {
  count: number;
  noun: string;
  groups: TargetGroup[][];
  legal: LegalBasis[];
  unit: CapacityUnit;
  capacity: [number, number];
  /** yearly funding in 2015, EUR */
  funding: [number, number];
  funder: string;
  kind: FundingKind;
  /** prefer central or high-need Ortsteile */
  central?: boolean;
}

const PROFILES: Record<Exclude<CategoryKey, 'day_care'>, CategoryProfile> = {
  counselling: { count: 35, noun: 'Beratungsstelle', groups: [['FAMILIES', 'SINGLE_PARENTS'], ['LONG_TERM_UNEMPLOYED'], ['MIGRANTS'], ['FAMILIES']], legal: ['SGB_II', 'SGB_XII'], unit: 'CONTACTS_PER_YEAR', capacity: [300, 1500], funding: [45_000, 160_000], funder: 'Sozialamt', kind: 'GRANT' },
  outpatient_help: { count: 20, noun: 'Ambulante Hilfe', groups: [['PEOPLE_WITH_DISABILITIES'], ['FAMILIES'], ['SENIORS', 'PEOPLE_WITH_DISABILITIES']], legal: ['SGB_IX', 'SGB_XII'], unit: 'HOURS_PER_WEEK', capacity: [20, 120], funding: [60_000, 240_000], funder: 'Sozialamt', kind: 'SERVICE_FEE' },
  low_threshold: { count: 25, noun: 'Offener Treff', groups: [['LONG_TERM_UNEMPLOYED', 'FAMILIES'], ['MIGRANTS'], ['SINGLE_PARENTS', 'FAMILIES']], legal: ['OTHER'], unit: 'CONTACTS_PER_YEAR', capacity: [500, 3000], funding: [20_000, 80_000], funder: 'Sozialamt', kind: 'GRANT' },
  senior_meeting: { count: 25, noun: 'Seniorenbegegnungsstätte', groups: [['SENIORS']], legal: ['SGB_XII'], unit: 'PLACES', capacity: [20, 80], funding: [25_000, 70_000], funder: 'Sozialamt', kind: 'GRANT' },
  youth_club: { count: 25, noun: 'Kinder- und Jugendtreff', groups: [['YOUNG_PEOPLE', 'CHILDREN'], ['YOUNG_PEOPLE']], legal: ['SGB_VIII'], unit: 'PLACES', capacity: [20, 60], funding: [40_000, 120_000], funder: 'Jugendamt', kind: 'GRANT' },
  homeless_help: { count: 10, noun: 'Wohnungslosenhilfe', groups: [['HOMELESS_PEOPLE']], legal: ['SGB_XII'], unit: 'PLACES', capacity: [10, 60], funding: [90_000, 350_000], funder: 'Sozialamt', kind: 'SERVICE_FEE', central: true },
  addiction_counselling: { count: 10, noun: 'Suchtberatung', groups: [['PEOPLE_WITH_ADDICTION']], legal: ['SGB_XII', 'OTHER'], unit: 'CONTACTS_PER_YEAR', capacity: [200, 900], funding: [70_000, 220_000], funder: 'Sozialamt', kind: 'GRANT', central: true },
};

const STREETS = [
  'Eisenbahnstraße', 'Georg-Schwarz-Straße', 'Karl-Liebknecht-Straße', 'Stuttgarter Allee', 'Lützner Straße', 'Wurzner Straße',
  'Georg-Schumann-Straße', 'Prager Straße', 'Zschochersche Straße', 'Kiewer Straße', 'Dresdner Straße', 'Gorkistraße',
  'Merseburger Straße', 'Bornaische Straße', 'Delitzscher Straße', 'Riebeckstraße', 'Ludwigsburger Straße', 'Mockauer Straße',
];

/** Coverage norms: demo defaults, not official norms. Zone weights after Luo & Qi (2009). */
const LUO_QI = [1, 0.68, 0.22];
const ORIGIN = 'Demo-Vorgabe, keine amtliche Norm; Zonengewichte des E2SFCA nach Luo & Qi (2009): 1,00 / 0,68 / 0,22';
const NORMS: { category: CategoryKey; target: string; description: string; per1000: number; zones: number[] }[] = [
  { category: 'day_care', target: 'population', per1000: 38.5, zones: [500, 1000, 1500],
    description: 'Kinder unter 6 Jahren sind je Ortsteil nicht veröffentlicht. Näherung: Einwohner insgesamt (population); die Vorgabe von 700 Plätzen je 1.000 Kinder unter 6 ist mit einem Anteil der unter 6-Jährigen von ca. 5,5 % in 38,5 Plätze je 1.000 Einwohner umgerechnet. Die Kita-Daten enthalten keine Platzzahlen: Versorgung nur über die Zahl der Einrichtungen auswertbar.' },
  { category: 'senior_meeting', target: 'population', per1000: 2, zones: [500, 1000, 2000],
    description: 'Einwohner ab 65 Jahren sind je Ortsteil nicht als Anzahl veröffentlicht (nur die Altenquote). Näherung: Einwohner insgesamt; 2 Plätze je 1.000 Einwohner (entspricht ca. 8 je 1.000 Einwohner ab 65 bei einem Anteil von ca. 24 %).' },
  { category: 'youth_club', target: 'population', per1000: 3, zones: [1000, 2000, 3000],
    description: 'Junge Menschen (6 bis unter 27 Jahre) sind je Ortsteil nicht veröffentlicht. Näherung: Einwohner insgesamt; 3 Plätze je 1.000 Einwohner.' },
  { category: 'counselling', target: 'sgb2_recipients', per1000: 500, zones: [1500, 3000, 5000],
    description: 'Zielgruppe: Leistungsberechtigte nach SGB II (sgb2_recipients); 500 Beratungskontakte je Jahr je 1.000 Leistungsberechtigte.' },
  { category: 'low_threshold', target: 'sgb2_recipients', per1000: 400, zones: [1000, 2000, 3000],
    description: 'Zielgruppe: Leistungsberechtigte nach SGB II (sgb2_recipients) als Näherung für Menschen in Armutslagen; 400 Kontakte je Jahr je 1.000.' },
  { category: 'outpatient_help', target: 'population', per1000: 10, zones: [2000, 4000, 6000],
    description: 'Menschen mit Behinderungen und Hilfebedarf sind je Ortsteil nicht veröffentlicht. Näherung: Einwohner insgesamt; 10 Fachleistungsstunden je Woche je 1.000 Einwohner.' },
  { category: 'homeless_help', target: 'population', per1000: 0.5, zones: [2000, 5000, 10000],
    description: 'Wohnungslose Menschen werden je Ortsteil nicht erfasst. Näherung: Einwohner insgesamt; 0,5 Plätze je 1.000 Einwohner, gesamtstädtisches Einzugsgebiet.' },
  { category: 'addiction_counselling', target: 'population', per1000: 20, zones: [3000, 6000, 10000],
    description: 'Menschen mit Suchtproblemen werden je Ortsteil nicht erfasst. Näherung: Einwohner insgesamt; 20 Beratungskontakte je Jahr je 1.000 Einwohner.' },
];

interface DemoService {
  ext: string;
  name: string;
  category: CategoryKey;
  provider: string;
  groups: TargetGroup[];
  legal: LegalBasis[];
  capacity: number;
  unit: CapacityUnit;
  accessibility: 'FULL' | 'PARTIAL' | 'NONE' | 'UNKNOWN';
  fee: string;
  hours: string;
  locations: string[];
}
interface DemoLocation {
  ext: string;
  name: string;
  street: string;
  no: string;
  areaCode: string;
  seed: number;
}
interface DemoFunding {
  ext: string;
  funder: string;
  year: number;
  amount: number;
  kind: FundingKind;
  status: 'PAID' | 'GRANTED';
}

const WEEK = (opens: string, closes: string, days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY']) =>
  JSON.stringify(days.map((day) => ({ day, opens, closes })));

/** Builds the whole demo data set in memory, deterministically, from the Ortsteile. */
/** `skip`: categories that have real services; the demo leaves them out. */
export function buildDemo(districts: { code: string; name: string; weight: number }[], skip: ReadonlySet<string> = new Set()) {
  const r = rng(SEED);
  const services: DemoService[] = [];
  const locations: DemoLocation[] = [];
  const fundings: DemoFunding[] = [];
  const byName = new Map(districts.map((d) => [d.name, d]));
  const central = districts.filter((d) => d.code.startsWith('0') || ['Volkmarsdorf', 'Neustadt-Neuschönefeld'].includes(d.name));
  let locNo = 0;
  const newLocation = (district: { code: string; name: string }, name: string) => {
    const ext = `demo-loc-${String(++locNo).padStart(3, '0')}`;
    locations.push({ ext, name, street: r.pick(STREETS), no: String(r.int(1, 180)), areaCode: district.code, seed: 1000 + locNo });
    return ext;
  };

  // The shared "Haus der sozialen Dienste" in Grünau-Mitte with three services.
  const grunau = byName.get('Grünau-Mitte') ?? districts[0]!;
  const house = newLocation(grunau, 'Haus der sozialen Dienste Grünau (Demo)');
  // three services of the demo categories (the first three of this list without real data)
  const houseCategories = (['counselling', 'senior_meeting', 'low_threshold', 'youth_club', 'outpatient_help'] as CategoryKey[]).filter((c) => !skip.has(c)).slice(0, 3);

  let svcNo = 0;
  for (const [category, profile] of Object.entries(PROFILES) as [Exclude<CategoryKey, 'day_care'>, CategoryProfile][]) {
    if (skip.has(category)) continue;
    const providers = PROVIDERS.filter(([, cats]) => cats.includes(category)).map(([name]) => name);
    for (let i = 0; i < profile.count; i++) {
      const ext = `demo-svc-${String(++svcNo).padStart(3, '0')}`;
      const pool = profile.central ? central : districts;
      const district = pool[r.weighted(pool.map((d) => d.weight))]!;
      const inHouse = i === 0 && houseCategories.includes(category);
      const where = inHouse ? grunau : district;
      const name = `${profile.noun} ${where.name} ${i + 1} (Demo)`;
      const locs = [inHouse ? house : newLocation(where, name)];
      // a few services run at two places
      if (!inHouse && i % 12 === 5) locs.push(newLocation(r.pick(pool), `${name}, Außenstelle`));
      const lo = profile.capacity[0];
      const hi = profile.capacity[1];
      services.push({
        ext, name, category, provider: r.pick(providers),
        groups: r.pick(profile.groups), legal: profile.legal,
        capacity: profile.unit === 'PLACES' || profile.unit === 'HOURS_PER_WEEK' ? r.int(lo, hi) : Math.round(r.int(lo, hi) / 10) * 10,
        unit: profile.unit,
        accessibility: r.pick(['FULL', 'FULL', 'PARTIAL', 'NONE', 'UNKNOWN'] as const),
        fee: category === 'senior_meeting' ? 'Kostenbeitrag für Mittagstisch' : 'kostenfrei',
        hours: category === 'youth_club' ? WEEK('14:00', '20:00') : category === 'homeless_help' ? WEEK('08:00', '18:00', ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']) : WEEK('09:00', '16:00'),
        locations: locs,
      });
    }
  }

  // Funding 2015–2024. The first FLAT_FUNDING_SERVICES youth clubs and senior meeting places get the
  // same nominal amount every year (the council complaint: flat funding that falls in real terms).
  const flat = services.filter((s) => s.category === 'youth_club' || s.category === 'senior_meeting').slice(0, FLAT_FUNDING_SERVICES);
  for (const s of services) {
    const profile = PROFILES[s.category as Exclude<CategoryKey, 'day_care'>];
    let amount = Math.round(r.int(profile.funding[0], profile.funding[1]) / 500) * 500;
    const isFlat = flat.includes(s);
    const growth = 0.01 + r.next() * 0.03;
    for (let year = DEMO_YEARS.from; year <= DEMO_YEARS.to; year++) {
      const status = year < DEMO_YEARS.to ? 'PAID' : 'GRANTED';
      fundings.push({ ext: s.ext, funder: profile.funder, year, amount, kind: profile.kind, status });
      if (s.category === 'addiction_counselling') {
        fundings.push({ ext: s.ext, funder: 'Freistaat Sachsen', year, amount: Math.round(amount * 0.3 / 100) * 100, kind: 'GRANT', status });
      }
      if (s.category === 'low_threshold' && year >= 2022) {
        fundings.push({ ext: s.ext, funder: 'ESF Plus', year, amount: 15_000, kind: 'PROJECT_GRANT', status });
      }
      if (!isFlat) amount = Math.round((amount * (1 + growth)) / 100) * 100;
    }
  }
  return { services, locations, fundings, flat: flat.map((s) => s.name) };
}

const EVENTS: { kind: 'CONFERENCE' | 'SURVEY' | 'DISTRICT_WALK' | 'WORKSHOP'; title: string; date: string; participants: number | null; addressees: number | null; responseRate: number | null; outcome: string; areas: string[] }[] = [
  { kind: 'CONFERENCE', title: 'Sozialraumkonferenz Grünau (Demo)', date: '2024-04-17', participants: 64, addressees: null, responseRate: null, outcome: 'Bedarf an Familienangeboten und Seniorenbegegnung in Grünau-Mitte bestätigt.', areas: ['Grünau-Mitte', 'Grünau-Nord', 'Grünau-Ost', 'Lausen-Grünau'] },
  { kind: 'SURVEY', title: 'Befragung der Träger zur Angebotslandschaft (Demo)', date: '2024-06-03', participants: 39, addressees: 79, responseRate: 0.49, outcome: '39 von 79 Trägern antworteten (49 %); Hauptthema: gestiegene Personal- und Sachkosten bei gleichbleibender Förderung.', areas: [] },
  { kind: 'DISTRICT_WALK', title: 'Stadtteilbegehung Volkmarsdorf (Demo)', date: '2024-05-22', participants: 18, addressees: null, responseRate: null, outcome: 'Fehlende Aufenthaltsorte für Jugendliche rund um die Eisenbahnstraße.', areas: ['Volkmarsdorf', 'Neustadt-Neuschönefeld'] },
  { kind: 'WORKSHOP', title: 'Werkstatt Seniorenarbeit im Quartier (Demo)', date: '2024-09-12', participants: 31, addressees: null, responseRate: null, outcome: 'Vorschläge für aufsuchende Seniorenarbeit in Paunsdorf.', areas: ['Paunsdorf', 'Heiterblick'] },
  { kind: 'CONFERENCE', title: 'Fachkonferenz Wohnungsnotfallhilfe (Demo)', date: '2024-11-06', participants: 45, addressees: null, responseRate: null, outcome: 'Eckpunkte für Housing First abgestimmt.', areas: [] },
];

/**
 * `realCategories`: categories with real services (seedLeipzig passes those the real lists
 * filled); they get no demo services, so coverage and gaps there run on real data only.
 */
export async function importDemo(prisma: PrismaClient, options: { realCategories?: ReadonlySet<string> } = {}): Promise<ImportReport> {
  const report = newReport('demo data (synthetic)');
  const skip = options.realCategories ?? new Set<string>();
  report.details.demoCategories = Object.keys(PROFILES).filter((c) => !skip.has(c));
  report.details.notDemoBecauseReal = [...skip].filter((c) => c in PROFILES);
  return inTransaction(prisma, async (tx) => {
    const source = await upsertSource(tx, SOURCES.demo);
    const categories = await upsertCategories(tx);
    let written = source.written + categories.written;

    // Ortsteile, weighted by population × (1 + SGB-II rate / 10) of the latest year when known.
    const districts = await tx.$queryRaw<{ code: string; name: string; weight: number }[]>`
      SELECT a.code, a.name,
             coalesce((SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
                        WHERE i.key = 'population' AND v.area_id = a.id AND v.value IS NOT NULL ORDER BY v.year DESC LIMIT 1), 10000)
             * (1 + coalesce((SELECT v.value FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
                        WHERE i.key = 'sgb2_rate' AND v.area_id = a.id AND v.value IS NOT NULL ORDER BY v.year DESC LIMIT 1), 0) / 10) AS weight
        FROM area a WHERE a.level = 'DISTRICT' AND a.geom IS NOT NULL AND ${inLeipzig(Prisma.sql`a`)} ORDER BY a.code`;
    if (districts.length === 0) throw new Error('demo data needs the Ortsteile: import the districts first');
    const demo = buildDemo(districts.map((d) => ({ ...d, weight: Number(d.weight) })), skip);
    report.rowsRead = PROVIDERS.length + demo.services.length + demo.locations.length + demo.fundings.length;

    const providers = await upsertProviders(
      tx,
      PROVIDERS.map(([name]) => ({ name, normalizedName: normalizeProviderName(name), ...classifyProvider(name) })),
      source.id,
    );
    written += providers.written;

    const L = demo.locations;
    written += await tx.$executeRaw`
      INSERT INTO location (name, street, house_number, postal_code, city, geom, external_id, source_id)
      SELECT t.name, t.street, t.no, NULL, 'Leipzig', coalesce(pt.geom, ST_PointOnSurface(a.geom)), t.ext, ${source.id}::int
        FROM unnest(${L.map((l) => l.name)}::text[], ${L.map((l) => l.street)}::text[], ${L.map((l) => l.no)}::text[],
                    ${L.map((l) => l.areaCode)}::text[], ${L.map((l) => l.seed)}::int[], ${L.map((l) => l.ext)}::text[]) AS t(name, street, no, code, seed, ext)
        JOIN area a ON a.code = t.code AND ${inLeipzig(Prisma.sql`a`)}
        -- A point inside the Ortsteil: the first of 64 hashed points in its bounding box that the
        -- Ortsteil covers (else its label point). Not ST_GeneratePoints: its points for the same seed
        -- differ between PostGIS versions (3.3 on the server, 3.6 embedded), and so did every analysis.
        LEFT JOIN LATERAL (
          SELECT c.geom FROM generate_series(1, 64) AS k
           CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(
                    ST_XMin(a.geom) + (ST_XMax(a.geom) - ST_XMin(a.geom)) * (('x' || substr(md5(t.seed || ':x:' || k), 1, 8))::bit(32)::bigint::float8 / 4294967296::float8),
                    ST_YMin(a.geom) + (ST_YMax(a.geom) - ST_YMin(a.geom)) * (('x' || substr(md5(t.seed || ':y:' || k), 1, 8))::bit(32)::bigint::float8 / 4294967296::float8)), 4326) AS geom) c
           WHERE ST_Covers(a.geom, c.geom)
           ORDER BY k LIMIT 1
        ) pt ON true
      ON CONFLICT (source_id, external_id) DO UPDATE SET name = EXCLUDED.name, street = EXCLUDED.street, house_number = EXCLUDED.house_number,
        city = EXCLUDED.city, geom = EXCLUDED.geom, updated_at = now(), version = location.version + 1
      WHERE (location.name, location.street, location.house_number, location.city, ST_AsEWKB(location.geom))
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.street, EXCLUDED.house_number, EXCLUDED.city, ST_AsEWKB(EXCLUDED.geom))`;

    const S = demo.services;
    written += await tx.$executeRaw`
      INSERT INTO service (name, category_id, provider_id, target_groups, legal_bases, capacity, capacity_unit, status, start_date,
                           accessibility, fee, opening_hours, external_id, source_id)
      SELECT t.name, c.id, p.id, string_to_array(t.groups, ',')::target_group[], string_to_array(t.legal, ',')::legal_basis[],
             t.capacity, t.unit::capacity_unit, 'ACTIVE', DATE '2015-01-01', t.access::accessibility, t.fee, t.hours::jsonb, t.ext, ${source.id}::int
        FROM unnest(${S.map((s) => s.name)}::text[], ${S.map((s) => s.category)}::text[], ${S.map((s) => normalizeProviderName(s.provider))}::text[],
                    ${S.map((s) => s.groups.join(','))}::text[], ${S.map((s) => s.legal.join(','))}::text[], ${S.map((s) => s.capacity)}::float8[],
                    ${S.map((s) => s.unit)}::text[], ${S.map((s) => s.accessibility)}::text[], ${S.map((s) => s.fee)}::text[],
                    ${S.map((s) => s.hours)}::text[], ${S.map((s) => s.ext)}::text[])
             AS t(name, category, provider, groups, legal, capacity, unit, access, fee, hours, ext)
        JOIN service_category c ON c.key = t.category
        JOIN provider p ON p.normalized_name = t.provider
      ON CONFLICT (source_id, external_id) DO UPDATE SET name = EXCLUDED.name, category_id = EXCLUDED.category_id, provider_id = EXCLUDED.provider_id,
        target_groups = EXCLUDED.target_groups, legal_bases = EXCLUDED.legal_bases, capacity = EXCLUDED.capacity, capacity_unit = EXCLUDED.capacity_unit,
        status = EXCLUDED.status, start_date = EXCLUDED.start_date, accessibility = EXCLUDED.accessibility, fee = EXCLUDED.fee,
        opening_hours = EXCLUDED.opening_hours, updated_at = now(), version = service.version + 1
      WHERE (service.name, service.category_id, service.provider_id, service.target_groups, service.legal_bases, service.capacity,
             service.capacity_unit, service.status, service.start_date, service.accessibility, service.fee, service.opening_hours)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.category_id, EXCLUDED.provider_id, EXCLUDED.target_groups, EXCLUDED.legal_bases, EXCLUDED.capacity,
             EXCLUDED.capacity_unit, EXCLUDED.status, EXCLUDED.start_date, EXCLUDED.accessibility, EXCLUDED.fee, EXCLUDED.opening_hours)`;

    const links = S.flatMap((s) => s.locations.map((l) => [s.ext, l] as const));
    written += await tx.$executeRaw`
      INSERT INTO service_location (service_id, location_id)
      SELECT s.id, l.id FROM unnest(${links.map((x) => x[0])}::text[], ${links.map((x) => x[1])}::text[]) AS t(svc, loc)
        JOIN service s ON s.source_id = ${source.id}::int AND s.external_id = t.svc
        JOIN location l ON l.source_id = ${source.id}::int AND l.external_id = t.loc
      ON CONFLICT DO NOTHING`;

    written += await upsertFunding(tx, demo.fundings, source.id);
    written += await upsertNorms(tx, source.id, report);
    written += await upsertPlan(tx, source.id);

    report.written = written;
    if (written === 0) report.unchanged = report.rowsRead;
    report.details.counts = {
      providers: PROVIDERS.length, services: S.length, locations: L.length, serviceLocations: links.length, fundings: demo.fundings.length,
      goals: GOALS.length, measures: GOALS.reduce((n, g) => n + g.measures.length, 0), participationEvents: EVENTS.length,
    };
    report.details.flatFunding = `${demo.flat.length} services with the same nominal amount ${DEMO_YEARS.from}–${DEMO_YEARS.to}`;
    return report;
  });
}

async function upsertFunding(tx: Tx, F: DemoFunding[], sourceId: number): Promise<number> {
  // No natural key in the table: (source, service, funder, year) identifies a demo funding line.
  const cols = Prisma_cols(F);
  const updated = await tx.$executeRaw`
    UPDATE funding f SET amount = t.amount::numeric(14, 2), kind = t.kind::funding_kind, status = t.status::funding_status,
           updated_at = now(), version = f.version + 1
      FROM unnest(${cols.ext}::text[], ${cols.funder}::text[], ${cols.year}::int[], ${cols.amount}::float8[], ${cols.kind}::text[], ${cols.status}::text[])
           AS t(ext, funder, year, amount, kind, status)
      JOIN service s ON s.source_id = ${sourceId}::int AND s.external_id = t.ext
     WHERE f.source_id = ${sourceId}::int AND f.service_id = s.id AND f.funder = t.funder AND f.year = t.year
       AND (f.amount, f.kind::text, f.status::text) IS DISTINCT FROM (t.amount::numeric(14, 2), t.kind, t.status)`;
  const inserted = await tx.$executeRaw`
    INSERT INTO funding (service_id, funder, year, amount, kind, status, source_id)
    SELECT s.id, t.funder, t.year, t.amount::numeric(14, 2), t.kind::funding_kind, t.status::funding_status, ${sourceId}::int
      FROM unnest(${cols.ext}::text[], ${cols.funder}::text[], ${cols.year}::int[], ${cols.amount}::float8[], ${cols.kind}::text[], ${cols.status}::text[])
           AS t(ext, funder, year, amount, kind, status)
      JOIN service s ON s.source_id = ${sourceId}::int AND s.external_id = t.ext
     WHERE NOT EXISTS (SELECT 1 FROM funding f WHERE f.source_id = ${sourceId}::int AND f.service_id = s.id AND f.funder = t.funder AND f.year = t.year)`;
  return updated + inserted;
}

function Prisma_cols(F: DemoFunding[]) {
  return {
    ext: F.map((f) => f.ext), funder: F.map((f) => f.funder), year: F.map((f) => f.year),
    amount: F.map((f) => f.amount), kind: F.map((f) => f.kind), status: F.map((f) => f.status),
  };
}

export async function upsertNorms(tx: Tx, _sourceId: number, report: ImportReport): Promise<number> {
  let written = 0;
  for (const n of NORMS) {
    const target = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM indicator WHERE key = ${n.target}`;
    if (!target[0]) {
      report.warnings.push(`coverage norm for ${n.category} not created: indicator ${n.target} missing (import the statistics first)`);
      continue;
    }
    written += await tx.$executeRaw`
      INSERT INTO coverage_norm (category_id, target_indicator_id, target_description, capacity_per_1000, origin, zone_radii_m, zone_weights)
      SELECT c.id, ${target[0].id}::int, ${n.description}, ${n.per1000}::float8, ${ORIGIN}, ${n.zones}::int[], ${LUO_QI}::float8[]
        FROM service_category c WHERE c.key = ${n.category}
      ON CONFLICT (category_id) DO UPDATE SET target_indicator_id = EXCLUDED.target_indicator_id, target_description = EXCLUDED.target_description,
        capacity_per_1000 = EXCLUDED.capacity_per_1000, origin = EXCLUDED.origin, zone_radii_m = EXCLUDED.zone_radii_m,
        zone_weights = EXCLUDED.zone_weights, updated_at = now(), version = coverage_norm.version + 1
      WHERE (coverage_norm.target_indicator_id, coverage_norm.target_description, coverage_norm.capacity_per_1000, coverage_norm.origin,
             coverage_norm.zone_radii_m, coverage_norm.zone_weights)
        IS DISTINCT FROM (EXCLUDED.target_indicator_id, EXCLUDED.target_description, EXCLUDED.capacity_per_1000, EXCLUDED.origin,
             EXCLUDED.zone_radii_m, EXCLUDED.zone_weights)`;
  }
  return written;
}

async function upsertPlan(tx: Tx, sourceId: number): Promise<number> {
  const demoPlan = await upsertDemoPlan(tx, sourceId);
  const planId = demoPlan.planId;
  let written = demoPlan.written;
  for (const e of EVENTS) {
    written += await tx.$executeRaw`
      INSERT INTO participation_event (kind, title, date, plan_id, participants, addressees, response_rate, outcome, source_id)
      SELECT ${e.kind}::participation_kind, ${e.title}, ${e.date}::date, ${planId}::int, ${e.participants}::int, ${e.addressees}::int,
             ${e.responseRate}::float8, ${e.outcome}, ${sourceId}::int
       WHERE NOT EXISTS (SELECT 1 FROM participation_event WHERE title = ${e.title} AND source_id = ${sourceId}::int)`;
    written += await tx.$executeRaw`
      INSERT INTO participation_event_area (event_id, area_id)
      SELECT ev.id, a.id FROM participation_event ev JOIN area a ON a.level = 'DISTRICT' AND a.name = ANY(${e.areas}::text[]) AND ${inLeipzig(Prisma.sql`a`)}
       WHERE ev.title = ${e.title} AND ev.source_id = ${sourceId}::int
      ON CONFLICT DO NOTHING`;
  }
  return written;
}
