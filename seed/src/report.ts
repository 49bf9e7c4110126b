/** What one importer did: printed after every run, returned to callers and tests. */
export interface ReportEntry {
  /** where in the source: a line, a feature key, "file › year › sub-indicator › district", … */
  row: string;
  reason: string;
}

export interface ImportReport {
  /** file or dataset name */
  source: string;
  /** records read from the source (features, rows, values) */
  rowsRead: number;
  /** database rows inserted or changed; 0 on an idempotent re-run */
  written: number;
  /** rows that already held exactly these values */
  unchanged: number;
  /** records not imported, with the reason */
  skipped: ReportEntry[];
  /** imported, but worth a look */
  warnings: string[];
  /** records imported after a repair (e.g. an invalid polygon made valid) */
  repaired: ReportEntry[];
  /** importer-specific facts (detected axis order, counts, checks) */
  details: Record<string, unknown>;
}

export function newReport(source: string): ImportReport {
  return { source, rowsRead: 0, written: 0, unchanged: 0, skipped: [], warnings: [], repaired: [], details: {} };
}

/** Human-readable report; long lists are cut to `limit` entries. */
export function formatReport(report: ImportReport, limit = 15): string {
  const lines = [
    `── ${report.source}`,
    `   read ${report.rowsRead}, written ${report.written}, unchanged ${report.unchanged}, skipped ${report.skipped.length}, repaired ${report.repaired.length}, warnings ${report.warnings.length}`,
  ];
  for (const [key, value] of Object.entries(report.details)) {
    lines.push(`   ${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`   ${title}:`);
    for (const item of items.slice(0, limit)) lines.push(`     - ${item}`);
    if (items.length > limit) lines.push(`     … and ${items.length - limit} more`);
  };
  list('repaired', report.repaired.map((e) => `${e.row}: ${e.reason}`));
  list('skipped', report.skipped.map((e) => `${e.row}: ${e.reason}`));
  list('warnings', report.warnings);
  return lines.join('\n');
}
