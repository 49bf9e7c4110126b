// Imports areas (Gebiete) from a GeoJSON file, the same checks as the API's importAreas: dry run
// unless --apply, all or nothing, areas absent from the file are never deleted.
//   npm run import-areas -w @sozialatlas/server -- areas.geojson                       (dry run)
//   npm run import-areas -w @sozialatlas/server -- areas.geojson --apply
// Options: --level DISTRICT (for features without a level), --swap-axes, --source <source key>,
// --city chemnitz (the codes are that city's; default: the default city).
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import type { AreaLevel } from '@sozialatlas/db';
import { systemActor } from '../modules/auth/roles';
import { importAreas, LEVEL_NAMES, type AreaImportOutcome } from '../modules/imports/areas.import';
import { resolveCity } from '../modules/cities/city.sql';
import { fail, openServerDatabase, options } from './cli';

const km2 = (v: number | null) => (v === null ? '–' : `${v.toLocaleString('de-DE', { maximumFractionDigits: 3 })} km²`);

/** The readable report: one line per change, then the summary. */
export function formatAreaReport(result: AreaImportOutcome): string[] {
  const lines: string[] = [];
  for (const w of result.warnings) lines.push(`Hinweis: ${w.message} [${w.reason}]`);
  for (const c of result.changes) {
    if (c.kind === 'CREATE') {
      lines.push(`Objekt ${c.feature}: NEU ${c.code} ${c.name} (${LEVEL_NAMES[c.level]}${c.parentCode ? `, in ${c.parentCode}` : ''}, ${km2(c.areaKm2)})`);
      continue;
    }
    const what = [
      c.nameChanged && `Name „${c.nameBefore}“ → „${c.name}“`,
      c.parentChanged && `übergeordnet ${c.parentCodeBefore ?? '–'} → ${c.parentCode ?? '–'}`,
      c.geometryChanged && `Grenze ${km2(c.areaKm2Before)} → ${km2(c.areaKm2)}`,
      c.sourceChanged && 'Quelle',
    ].filter(Boolean);
    lines.push(`Objekt ${c.feature}: GEÄNDERT ${c.code} ${c.name}: ${what.join('; ')}`);
  }
  if (result.changesTruncated) lines.push('… weitere Änderungen nicht aufgeführt');
  for (const m of result.locationMoves) lines.push(`Standort ${m.locationId} ${m.name ?? ''}: Gebiet ${m.fromCode ?? '–'} → ${m.toCode ?? '–'}`);
  if (result.absentCount) {
    const shown = result.absentCodes.slice(0, 30).join(', ');
    lines.push(`${result.absentCount} gespeicherte Gebiete dieser Ebenen fehlen in der Datei und bleiben unverändert (ein Import löscht nie): ${shown}${result.absentCount > 30 ? ', …' : ''}`);
  }
  const summary = `${result.features} Objekte (EPSG:${result.srid}): ${result.created} neu, ${result.updated} geändert, ${result.unchanged} unverändert; ${result.locationsMoved} Standorte wechseln das Gebiet`;
  lines.push(
    result.applied
      ? `${summary}; geschrieben, ${result.derivedWritten} abgeleitete Werte neu berechnet, ${result.derivedRemoved} entfernt`
      : result.dryRun
        ? `${summary}; Probelauf, nichts geschrieben (mit --apply schreiben)`
        : `${summary}; nichts zu schreiben`,
  );
  return lines;
}

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !['--level', '--source', '--city'].includes(args[i - 1] ?? ''));
  if (!file) fail('Aufruf: import-areas <datei.geojson> [--apply] [--level DISTRICT] [--swap-axes] [--source <quelle>] [--city <schlüssel oder AGS>]');
  const opts = options(args);
  const apply = opts.get('apply') === true || opts.get('commit') === true;
  const level = opts.get('level');
  if (level === true) fail('--level braucht eine Ebene: CITY, BOROUGH, DISTRICT oder PLANNING_AREA');
  if (level !== undefined && !(level.toUpperCase() in LEVEL_NAMES)) fail(`Unbekannte Ebene „${level}“: CITY, BOROUGH, DISTRICT oder PLANNING_AREA`);
  const source = opts.get('source');
  const city = opts.get('city');
  const db = await openServerDatabase();
  try {
    const result = await importAreas(db.prisma, readFileSync(file, 'utf8'), {
      dryRun: !apply,
      level: level ? (level.toUpperCase() as AreaLevel) : null,
      swapAxes: opts.get('swap-axes') === true,
      sourceKey: typeof source === 'string' ? source : null,
      city: typeof city === 'string' ? await resolveCity(db.prisma, city, '--city') : undefined,
      actor: systemActor(`import-areas ${file}`),
    });
    for (const error of result.errors) process.stderr.write(`${error.message} [${error.reason}]\n`);
    if (result.errors.length) fail(`${result.errors.length} Fehler: nichts geschrieben.`);
    for (const line of formatAreaReport(result)) process.stdout.write(`${line}\n`);
  } finally {
    await db.close();
  }
}

if (require.main === module) main().catch((error) => fail(String(error)));
