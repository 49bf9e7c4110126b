import type { ProviderKind, UmbrellaAssociation } from '../../generated/prisma/enums';
import type { Tx } from './transaction';

/**
 * Name used to de-duplicate providers: lower case; quotes dropped; "e. V." / "e.V." → "ev";
 * "g.GmbH" → "ggmbh"; every other run of punctuation or whitespace → one space; trimmed.
 */
export function normalizeProviderName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/["'„“”‚‘’«»`´]/g, '')
    .replace(/\be\.\s*v\./g, ' ev ')
    .replace(/\bg\.\s*gmbh\b/g, ' ggmbh ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Display name: outer whitespace trimmed, inner runs collapsed; otherwise as published. */
export const cleanName = (name: string) => name.replace(/\s+/g, ' ').trim();

/**
 * Classification by name (documented rules, applied in this order):
 * - MUNICIPAL: offices and municipal enterprises of the city: names starting with "Amt für",
 *   "Städtischer Eigenbetrieb", "Eigenbetrieb" or "Stadt ".
 * - COMMERCIAL: a company form (GmbH, mbH, UG, AG, KG) without a charitable marker
 *   ("gemeinnützig", "gemeinnütz.", "gGmbH", "g.GmbH").
 * - NON_PROFIT: everything else (e. V., church parishes, foundations, charitable companies).
 * Umbrella association (Spitzenverband) only where the name says it: DRK / Rotes Kreuz, Caritas,
 * Diakonie / Diakonisches Werk / Innere Mission, AWO / Arbeiterwohlfahrt, Paritätisch(er), ZWST /
 * Zentralwohlfahrtsstelle. Memberships not visible in the name (e.g. Volkssolidarität in the
 * Paritätische, parishes in the Diakonie) are not guessed.
 */
export function classifyProvider(name: string): { kind: ProviderKind; umbrella: UmbrellaAssociation | null } {
  const n = name.toLowerCase();
  let kind: ProviderKind = 'NON_PROFIT';
  if (/^\s*(amt für|städtischer eigenbetrieb|eigenbetrieb|stadt\s)/.test(n)) kind = 'MUNICIPAL';
  else if (/\b(gmbh|mbh|ug|ag|kg)\b/.test(n) && !/gemeinnütz|\bggmbh\b|\bg\.\s*gmbh\b/.test(n)) kind = 'COMMERCIAL';
  let umbrella: UmbrellaAssociation | null = null;
  if (/\bdrk\b|rotes kreuz/.test(n)) umbrella = 'DRK';
  else if (/caritas/.test(n)) umbrella = 'CARITAS';
  else if (/diakon|innere mission/.test(n)) umbrella = 'DIAKONIE';
  else if (/\bawo\b|arbeiterwohlfahrt/.test(n)) umbrella = 'AWO';
  else if (/paritätisch|paritaetisch/.test(n)) umbrella = 'PARITAETISCHER';
  else if (/\bzwst\b|zentralwohlfahrtsstelle/.test(n)) umbrella = 'ZWST';
  return { kind, umbrella };
}

export interface ProviderRow {
  name: string;
  normalizedName: string;
  kind: ProviderKind;
  umbrella: UmbrellaAssociation | null;
  website?: string | null;
}

/** Batch upsert by normalized name; returns normalized name → id and rows written. */
export async function upsertProviders(tx: Tx, rows: ProviderRow[], sourceId: number): Promise<{ ids: Map<string, number>; written: number }> {
  const written = await tx.$executeRaw`
    INSERT INTO provider (name, normalized_name, kind, umbrella, website, source_id)
    SELECT t.name, t.norm, t.kind::provider_kind, t.umbrella::umbrella_association, t.website, ${sourceId}::int
      FROM unnest(${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.normalizedName)}::text[], ${rows.map((r) => r.kind)}::text[],
                  ${rows.map((r) => r.umbrella)}::text[], ${rows.map((r) => r.website ?? null)}::text[]) AS t(name, norm, kind, umbrella, website)
    ON CONFLICT (normalized_name) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, umbrella = EXCLUDED.umbrella,
      website = EXCLUDED.website, source_id = EXCLUDED.source_id, updated_at = now(), version = provider.version + 1
    WHERE (provider.name, provider.kind, provider.umbrella, provider.website, provider.source_id)
      IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.umbrella, EXCLUDED.website, EXCLUDED.source_id)`;
  const found = await tx.$queryRaw<{ id: number; normalized_name: string }[]>`
    SELECT id, normalized_name FROM provider WHERE normalized_name = ANY(${rows.map((r) => r.normalizedName)}::text[])`;
  return { ids: new Map(found.map((r) => [r.normalized_name, r.id])), written };
}
