// The demo social plan, built on the structure of a real one (issue 11, item 6): Gera's
// Integrierter Kommunaler Sozialplan 2024–2028 (adopted by the city council on 28 June 2023) has 6
// fields of action (Handlungsfelder), 46 goals and 118 measures, numbered field.goal.measure. The
// facts come from seed/data/plans/plans_facts.json (gathered from gera.de; titles of fields 4–6 were
// not in the stored pages). Every text says whether it is real or a placeholder (`placeholder`):
// field titles 1–3 and goal 5.5 with its two measures are Gera's (paraphrased); the Leipzig goals
// and measures are invented for the demonstration. Leipzig's real plans are named as references.
import { Prisma } from '@sozialatlas/db';
import { inLeipzig } from './districts';
import type { Tx } from '../db';

export const PLAN_TITLE = 'Integrierter Sozialplan Leipzig 2024–2028 (Demo)';
const DESCRIPTION =
  'Erfundener Beispielplan für die Vorführung (Demo-Daten). Aufbau und Nummerierung (6 Handlungsfelder, Ziele „Feld.Ziel“, Maßnahmen „Feld.Ziel.Nummer“) folgen dem Integrierten Kommunalen Sozialplan der Stadt Gera 2024–2028; ' +
  'Texte mit dem Kennzeichen „Platzhalter“ sind erfunden, die Titel der Handlungsfelder 1–3 und Ziel 5.5 mit seinen Maßnahmen stammen sinngemäß aus dem Gera-Plan.';
const GERA_PAGE = 'https://gera.de/leben-in-gera/gesundheit-soziales/soziale-projekte/integrierte-kommunale-sozialplanung/der-integrierte-kommunale-sozialplan-2024-2028';
const GERA_NOTE = 'Sinngemäß aus dem Integrierten Kommunalen Sozialplan der Stadt Gera 2024–2028 übernommen.';

type Horizon = 'SHORT' | 'MEDIUM' | 'LONG';
type Status = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED' | 'SUSPENDED';
interface DemoMeasure { code: string; title: string; horizon: Horizon; office: string; status: Status; areas: string[]; indicators: string[]; placeholder: boolean; description?: string }
interface DemoGoal { code: string; field: string; title: string; description: string; placeholder: boolean; measures: DemoMeasure[] }

export const FIELDS: { code: string; title: string; description: string | null; placeholder: boolean }[] = [
  { code: '1', title: 'Steuerung, Vernetzung und Nachhaltigkeit', description: 'Titel wie im Gera-Plan.', placeholder: false },
  { code: '2', title: 'Familie und Sorgearbeit', description: 'Titel wie im Gera-Plan.', placeholder: false },
  { code: '3', title: 'Bildung und Arbeitswelt', description: 'Titel wie im Gera-Plan.', placeholder: false },
  { code: '4', title: 'Handlungsfeld 4: Teilhabe im Alter (Platzhalter)', description: 'Der Titel dieses Handlungsfelds im Gera-Plan lag nicht vor; Titel erfunden.', placeholder: true },
  { code: '5', title: 'Handlungsfeld 5: Junge Menschen und öffentlicher Raum (Platzhalter)', description: 'Der Titel dieses Handlungsfelds im Gera-Plan lag nicht vor; Titel erfunden, Ziel 5.5 stammt aus dem Gera-Plan.', placeholder: true },
  { code: '6', title: 'Handlungsfeld 6: Wohnen und Existenzsicherung (Platzhalter)', description: 'Der Titel dieses Handlungsfelds im Gera-Plan lag nicht vor; Titel erfunden.', placeholder: true },
];

const invented = (m: Omit<DemoMeasure, 'placeholder'>): DemoMeasure => ({ ...m, placeholder: true });

export const GOALS: DemoGoal[] = [
  {
    code: '1.1', field: '1', placeholder: true, title: 'Soziale Infrastruktur bedarfsgerecht steuern',
    description: 'Förderung an Bedarf und Versorgung ausrichten; Bericht jährlich im Sozialausschuss.',
    measures: [
      invented({ code: '1.1.1', title: 'Jährlicher Sozialreport mit Bedarfsindex je Ortsteil', horizon: 'SHORT', office: 'Referat Sozialplanung', status: 'COMPLETED', areas: [], indicators: ['sgb2_rate', 'unemployment_rate', 'sgb2_child_share'] }),
      invented({ code: '1.1.2', title: 'Förderrichtlinie mit Dynamisierung der Zuwendungen', horizon: 'MEDIUM', office: 'Sozialamt', status: 'IN_PROGRESS', areas: [], indicators: [] }),
      invented({ code: '1.1.3', title: 'Sozialraumbudgets für Ortsteile mit sehr hohem Bedarf', horizon: 'LONG', office: 'Referat Sozialplanung', status: 'NOT_STARTED', areas: ['Grünau-Mitte', 'Volkmarsdorf', 'Mockau-Nord', 'Kleinzschocher'], indicators: ['sgb2_rate', 'unemployed'] }),
    ],
  },
  {
    code: '2.1', field: '2', placeholder: true, title: 'Kinderarmut verringern und Bildungschancen stärken',
    description: 'Den Anteil der Kinder im SGB-II-Bezug in den Ortsteilen mit dem höchsten Bedarf senken.',
    measures: [
      invented({ code: '2.1.1', title: 'Familienbüros in Grünau-Mitte und Volkmarsdorf', horizon: 'SHORT', office: 'Amt für Jugend und Familie', status: 'IN_PROGRESS', areas: ['Grünau-Mitte', 'Volkmarsdorf'], indicators: ['sgb2_child_share', 'sgb2_households_with_children'] }),
      invented({ code: '2.1.2', title: 'Lotsendienst für Alleinerziehende im SGB-II-Bezug', horizon: 'MEDIUM', office: 'Sozialamt', status: 'NOT_STARTED', areas: ['Neustadt-Neuschönefeld', 'Lausen-Grünau'], indicators: ['sgb2_single_parent_households'] }),
      invented({ code: '2.1.3', title: 'Kita-Sozialarbeit an Standorten mit hohem Bedarf', horizon: 'MEDIUM', office: 'Amt für Jugend und Familie', status: 'IN_PROGRESS', areas: ['Grünau-Mitte', 'Paunsdorf', 'Schönefeld-Ost'], indicators: ['sgb2_child_share'] }),
    ],
  },
  {
    code: '4.1', field: '4', placeholder: true, title: 'Teilhabe älterer Menschen im Quartier sichern',
    description: 'Begegnungsstätten und aufsuchende Seniorenarbeit dort, wo die Altenquote hoch ist.',
    measures: [
      invented({ code: '4.1.1', title: 'Seniorenbegegnung in Grünau weiterentwickeln', horizon: 'SHORT', office: 'Sozialamt', status: 'COMPLETED', areas: ['Grünau-Mitte', 'Grünau-Nord', 'Grünau-Ost'], indicators: ['old_age_ratio'] }),
      invented({ code: '4.1.2', title: 'Aufsuchende Seniorenarbeit in Paunsdorf', horizon: 'MEDIUM', office: 'Sozialamt', status: 'IN_PROGRESS', areas: ['Paunsdorf', 'Heiterblick'], indicators: ['old_age_ratio', 'mean_age'] }),
      invented({ code: '4.1.3', title: 'Barrierefreiheit der Begegnungsstätten prüfen', horizon: 'LONG', office: 'Referat Sozialplanung', status: 'NOT_STARTED', areas: [], indicators: ['old_age_ratio'] }),
    ],
  },
  {
    code: '5.5', field: '5', placeholder: false, title: 'Junge Menschen finden öffentliche Freiräume vor, in denen sie sich aufhalten und ihren Interessen nachgehen können',
    description: `${GERA_NOTE} In der Demo auf Leipzig übertragen; Zielgebiete, Fristigkeit, Amt und Stand sind erfunden.`,
    measures: [
      { code: '5.5.1', title: 'Kriterien für öffentliche Freiräume gemeinsam mit Jugendlichen und der Jugendarbeit festhalten; Öffnung von Parks in den Abendstunden prüfen', description: `${GERA_NOTE} Fristigkeit, Amt, Stand und Zielgebiete sind erfunden.`, horizon: 'SHORT', office: 'Amt für Jugend und Familie', status: 'IN_PROGRESS', areas: ['Volkmarsdorf', 'Neustadt-Neuschönefeld'], indicators: ['youth_ratio'], placeholder: false },
      { code: '5.5.2', title: 'Mögliche Freiräume unter Beteiligung der Jugendlichen (Jugendrat, Kinder- und Jugendbeauftragte) festlegen (soziale Aneignungsflächen)', description: `${GERA_NOTE} Fristigkeit, Amt, Stand und Zielgebiete sind erfunden.`, horizon: 'MEDIUM', office: 'Amt für Jugend und Familie', status: 'NOT_STARTED', areas: ['Volkmarsdorf'], indicators: ['youth_ratio'], placeholder: false },
    ],
  },
  {
    code: '6.1', field: '6', placeholder: true, title: 'Wohnungslosigkeit vermeiden und überwinden',
    description: 'Präventive Hilfen ausbauen und Notunterkünfte durch Wohnangebote ersetzen.',
    measures: [
      invented({ code: '6.1.1', title: 'Fachstelle Wohnungsnotfallhilfe (Prävention von Räumungen)', horizon: 'SHORT', office: 'Sozialamt', status: 'IN_PROGRESS', areas: [], indicators: ['sgb2_households'] }),
      invented({ code: '6.1.2', title: 'Housing First: 30 Wohnungen', horizon: 'LONG', office: 'Amt für Wohnungsbau und Stadterneuerung', status: 'NOT_STARTED', areas: ['Zentrum-Ost', 'Volkmarsdorf'], indicators: ['sgb2_rate'] }),
      invented({ code: '6.1.3', title: 'Tagestreff im Leipziger Osten verstetigen', horizon: 'MEDIUM', office: 'Sozialamt', status: 'SUSPENDED', areas: ['Volkmarsdorf', 'Neustadt-Neuschönefeld'], indicators: ['sgb2_rate', 'long_term_unemployed'] }),
    ],
  },
];

/** Real plans the demo plan names (facts from plans_facts.json; not stored as plans here). */
export const REFERENCES: { title: string; note: string; url: string | null }[] = [
  {
    title: 'Integrierter Kommunaler Sozialplan der Stadt Gera 2024–2028',
    note: 'Vorbild für Aufbau und Nummerierung: 6 Handlungsfelder, 46 Ziele, 118 Maßnahmen; vom Stadtrat am 28.06.2023 beschlossen, Laufzeit 2024–2028. Ziel 5.5 ist von dort übernommen.',
    url: GERA_PAGE,
  },
  { title: 'Sozialreport Leipzig', note: 'Jährlicher Sozialbericht der Stadt Leipzig seit 2004; der 18. Sozialreport erschien 2023 mit Daten von 2022. Grundlage von Maßnahme 1.1.1.', url: 'https://www.leipzig.de/sozialreport' },
  { title: 'Fachplan Kinder- und Jugendförderung der Stadt Leipzig', note: 'Beschluss der Ratsversammlung vom 17.10.2007; Teilfachplan 2012 mit 7 Planungsräumen (Schwerpunkte Familienbildung und Schulsozialarbeit). Bezug zu Ziel 5.5.', url: null },
  { title: 'Soziale Stadt Mockau Nord und Süd 2017–2026', note: 'Bund-Länder-Programm Soziale Stadt, Beschlussvorlage VI-DS-03469 der Ratsversammlung vom 08.02.2017. Bezug zu Maßnahme 1.1.3 (Mockau-Nord).', url: null },
];

/**
 * Writes the demo plan with its fields, goals, measures and references; goals, fields and
 * references of the plan that are no longer in the lists are removed (older seeds had Z1–Z4).
 */
export async function upsertDemoPlan(tx: Tx, sourceId: number): Promise<{ planId: number; written: number }> {
  let written = await tx.$executeRaw`
    INSERT INTO plan (title, description, period_start, period_end, adopted_at, source_id)
    SELECT ${PLAN_TITLE}, ${DESCRIPTION}, 2024, 2028, DATE '2024-03-20', ${sourceId}::int
     WHERE NOT EXISTS (SELECT 1 FROM plan WHERE title = ${PLAN_TITLE} AND source_id = ${sourceId}::int)`;
  written += await tx.$executeRaw`
    UPDATE plan SET description = ${DESCRIPTION}, period_start = 2024, period_end = 2028, adopted_at = DATE '2024-03-20', updated_at = now(), version = version + 1
     WHERE title = ${PLAN_TITLE} AND source_id = ${sourceId}::int
       AND (description, period_start, period_end, adopted_at) IS DISTINCT FROM (${DESCRIPTION}, 2024, 2028, DATE '2024-03-20')`;
  const [plan] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM plan WHERE title = ${PLAN_TITLE} AND source_id = ${sourceId}::int ORDER BY id LIMIT 1`;
  const planId = plan!.id;

  written += await tx.$executeRaw`DELETE FROM goal WHERE plan_id = ${planId}::int AND code <> ALL(${GOALS.map((g) => g.code)}::text[])`;
  written += await tx.$executeRaw`DELETE FROM plan_field WHERE plan_id = ${planId}::int AND code <> ALL(${FIELDS.map((f) => f.code)}::text[])`;
  written += await tx.$executeRaw`DELETE FROM plan_reference WHERE plan_id = ${planId}::int AND title <> ALL(${REFERENCES.map((r) => r.title)}::text[])`;
  for (const f of FIELDS) {
    written += await tx.$executeRaw`
      INSERT INTO plan_field (plan_id, code, title, description, placeholder) VALUES (${planId}::int, ${f.code}, ${f.title}, ${f.description}, ${f.placeholder})
      ON CONFLICT (plan_id, code) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description, placeholder = EXCLUDED.placeholder,
        updated_at = now(), version = plan_field.version + 1
      WHERE (plan_field.title, plan_field.description, plan_field.placeholder) IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.placeholder)`;
  }
  for (const g of GOALS) {
    written += await tx.$executeRaw`
      INSERT INTO goal (plan_id, field_id, code, title, description, placeholder)
      SELECT ${planId}::int, f.id, ${g.code}, ${g.title}, ${g.description}, ${g.placeholder}
        FROM plan_field f WHERE f.plan_id = ${planId}::int AND f.code = ${g.field}
      ON CONFLICT (plan_id, code) DO UPDATE SET field_id = EXCLUDED.field_id, title = EXCLUDED.title, description = EXCLUDED.description,
        placeholder = EXCLUDED.placeholder, updated_at = now(), version = goal.version + 1
      WHERE (goal.field_id, goal.title, goal.description, goal.placeholder) IS DISTINCT FROM (EXCLUDED.field_id, EXCLUDED.title, EXCLUDED.description, EXCLUDED.placeholder)`;
    const [goal] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM goal WHERE plan_id = ${planId}::int AND code = ${g.code}`;
    for (const m of g.measures) {
      const description = m.description ?? null;
      written += await tx.$executeRaw`
        INSERT INTO measure (goal_id, code, title, description, horizon, responsible_office, status, placeholder)
        VALUES (${goal!.id}::int, ${m.code}, ${m.title}, ${description}, ${m.horizon}::measure_horizon, ${m.office}, ${m.status}::measure_status, ${m.placeholder})
        ON CONFLICT (goal_id, code) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description, horizon = EXCLUDED.horizon,
          responsible_office = EXCLUDED.responsible_office, status = EXCLUDED.status, placeholder = EXCLUDED.placeholder, updated_at = now(), version = measure.version + 1
        WHERE (measure.title, measure.description, measure.horizon, measure.responsible_office, measure.status, measure.placeholder)
          IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.horizon, EXCLUDED.responsible_office, EXCLUDED.status, EXCLUDED.placeholder)`;
      const [measure] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM measure WHERE goal_id = ${goal!.id}::int AND code = ${m.code}`;
      written += await tx.$executeRaw`
        INSERT INTO measure_area (measure_id, area_id)
        SELECT ${measure!.id}::int, a.id FROM area a WHERE a.level = 'DISTRICT' AND a.name = ANY(${m.areas}::text[]) AND ${inLeipzig(Prisma.sql`a`)}
        ON CONFLICT DO NOTHING`;
      written += await tx.$executeRaw`
        INSERT INTO measure_indicator (measure_id, indicator_id)
        SELECT ${measure!.id}::int, i.id FROM indicator i WHERE i.key = ANY(${m.indicators}::text[])
        ON CONFLICT DO NOTHING`;
    }
  }
  for (const ref of REFERENCES) {
    written += await tx.$executeRaw`
      INSERT INTO plan_reference (plan_id, title, note, url) SELECT ${planId}::int, ${ref.title}, ${ref.note}, ${ref.url}
       WHERE NOT EXISTS (SELECT 1 FROM plan_reference WHERE plan_id = ${planId}::int AND title = ${ref.title})`;
    written += await tx.$executeRaw`
      UPDATE plan_reference SET note = ${ref.note}, url = ${ref.url}
       WHERE plan_id = ${planId}::int AND title = ${ref.title} AND (note, url) IS DISTINCT FROM (${ref.note}, ${ref.url})`;
  }
  return { planId, written };
}
