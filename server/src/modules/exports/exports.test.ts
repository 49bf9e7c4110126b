import { parse } from 'csv-parse/sync';
import { useSeededHttp } from '../../../test/http';

describe('downloads for analysts and GIS', () => {
  const { db, http } = useSeededHttp();

  const expectedValue = async (code: string, key: string, year: number) => {
    const [row] = await db.prisma.$queryRaw<{ value: number }[]>`
      SELECT v.value FROM indicator_value v JOIN area a ON a.id = v.area_id JOIN indicator i ON i.id = v.indicator_id
       WHERE a.code = ${code} AND i.key = ${key} AND v.year = ${year}`;
    return row!.value;
  };

  it('exports districts with indicators as GeoJSON with attribution and the API’s numbers', async () => {
    const response = await fetch(`${http.url}/export/areas.geojson?level=DISTRICT&indicators=sgb2_rate,population&years=2021,2022&simplify=20`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const body = await response.json();
    expect(body.features).toHaveLength(63);
    expect(body.attribution).toContain('Stadt Leipzig');
    const gruenau = body.features.find((f: any) => f.properties.code === '62');
    expect(gruenau.geometry.type).toBe('MultiPolygon');
    expect(gruenau.properties.population_2022).toBe(await expectedValue('62', 'population', 2022));
    expect(gruenau.properties.sgb2_rate_2021).toBe(await expectedValue('62', 'sgb2_rate', 2021));
    expect(gruenau.properties.sgb2_rate_2021_status).toBe('REGULAR');
  });

  it('exports CSV, and a German-Excel variant with semicolons, decimal commas and a BOM', async () => {
    const plain = await (await fetch(`${http.url}/export/areas.csv?level=BOROUGH&indicators=sgb2_rate&years=2022`)).text();
    const rows = parse(plain, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(10);
    expect(rows[0]).toHaveProperty('sgb2_rate_2022');
    expect(rows[0]!.quelle).toContain('Stadt Leipzig');
    const decimal = rows.find((r) => r.sgb2_rate_2022!.includes('.'));
    expect(decimal).toBeDefined(); // derived borough rates are weighted means, not integers

    const bytes = Buffer.from(await (await fetch(`${http.url}/export/areas.csv?level=BOROUGH&indicators=sgb2_rate&years=2022&variant=excel`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const excelRows = parse(bytes.subarray(3).toString('utf8'), { columns: true, delimiter: ';' }) as Record<string, string>[];
    expect(excelRows).toHaveLength(10);
    const same = excelRows.find((r) => r.code === `="${decimal!.code}"`)!;
    expect(same.sgb2_rate_2022).toBe(decimal!.sgb2_rate_2022!.replace('.', ','));
  });

  it('keeps suppressed values out of every export', async () => {
    await db.prisma.$executeRaw`
      UPDATE indicator_value SET status = 'SUPPRESSED', base_status = 'SUPPRESSED'
       WHERE area_id = (SELECT id FROM area WHERE code = '35')
         AND indicator_id = (SELECT id FROM indicator WHERE key = 'unemployed') AND year = 2020`;
    const geo = await (await fetch(`${http.url}/export/areas.geojson?indicators=unemployed&years=2020`)).json();
    const holzhausen = geo.features.find((f: any) => f.properties.code === '35');
    expect(holzhausen.properties).toMatchObject({ unemployed_2020: null, unemployed_2020_status: 'SUPPRESSED' });
    const csv = parse(await (await fetch(`${http.url}/export/areas.csv?indicators=unemployed&years=2020`)).text(), { columns: true }) as Record<string, string>[];
    expect(csv.find((r) => r.code === '35')).toMatchObject({ unemployed_2020: '', unemployed_2020_status: 'SUPPRESSED' });
  });

  it('exports services as points with their category, area and a Demo-Daten flag', async () => {
    const body = await (await fetch(`${http.url}/export/services.geojson?categories=day_care`)).json();
    const count = await db.prisma.service.count({ where: { category: { key: 'day_care' }, city: { code: '14713000' } } });
    expect(new Set(body.features.map((f: any) => f.id)).size).toBe(count);
    const located = body.features.filter((f: any) => f.geometry);
    expect(located.length).toBeGreaterThan(300);
    expect(located.every((f: any) => f.properties.demo_data === false && f.properties.area_code)).toBe(true);
    const csv = parse(await (await fetch(`${http.url}/export/services.csv`)).text(), { columns: true }) as Record<string, string>[];
    expect(csv.some((r) => r.demo_data === 'ja' && r.quelle.startsWith('Demo-Daten'))).toBe(true);
    // the label stands once, not "Demo-Daten (synthetisch): Demo-Daten (synthetisch) — …"
    expect(csv.filter((r) => /Demo-Daten.*Demo-Daten/.test(r.quelle))).toEqual([]);
  });

  it('answers bad parameters with 400 and the parameter name', async () => {
    const response = await fetch(`${http.url}/export/areas.csv?indicators=nope&years=2020`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ parameter: 'indicators' });
    const years = await fetch(`${http.url}/export/areas.csv?indicators=population&years=abc`);
    expect(await years.json()).toMatchObject({ parameter: 'years' });
  });

  it('neutralises cells a spreadsheet would run as formulas, in both CSV variants (OWASP CSV injection)', async () => {
    const service = await db.prisma.service.findFirstOrThrow({ where: { published: true, providerId: { not: null } }, orderBy: { id: 'asc' } });
    const hostile = { provider: '=HYPERLINK("http://evil.example","Klick")', name: '@SUM(1+1)' };
    await db.prisma.provider.update({ where: { id: service.providerId! }, data: { name: hostile.provider } });
    await db.prisma.service.update({ where: { id: service.id }, data: { name: hostile.name } });
    for (const variant of ['', '&variant=excel']) {
      const text = (await (await fetch(`${http.url}/export/services.csv?status=ACTIVE,PLANNED,CLOSED${variant}`)).text()).replace(/^\uFEFF/, '');
      const rows = parse(text, { columns: true, delimiter: variant ? ';' : ',' }) as Record<string, string>[];
      const row = rows.find((r) => r.id === String(service.id))!;
      expect(row.provider).toBe(`'${hostile.provider}`);
      expect(row.name).toBe(`'${hostile.name}`);
      // no cell of the file starts a formula; negative numbers are still numbers; the only formula
      // is the constant text ="04109" Excel needs to keep a code of digits as text
      const cells = rows.flatMap((r) => Object.values(r));
      expect(cells.filter((cell) => /^[=+@\t\r]|^-(?!\d+([.,]\d+)?$)/.test(cell) && !(variant && /^="\d+"$/.test(cell)))).toEqual([]);
    }
  });

  it('keeps district and postal codes as text for Excel ("00" stays "00"), and plain in the standard variant', async () => {
    const plain = parse(await (await fetch(`${http.url}/export/areas.csv?indicators=population&years=2022`)).text(), { columns: true }) as Record<string, string>[];
    expect(plain.find((r) => r.name === 'Zentrum')!.code).toBe('00');
    const excelText = (await (await fetch(`${http.url}/export/areas.csv?indicators=population&years=2022&variant=excel`)).text()).replace(/^\uFEFF/, '');
    // Excel opens ="00" as the text 00; a bare 00 would become the number 0
    expect(excelText).toContain('"=""00""";Zentrum;DISTRICT;');
    const excel = parse(excelText, { columns: true, delimiter: ';' }) as Record<string, string>[];
    const zentrum = excel.find((r) => r.name === 'Zentrum')!;
    expect(zentrum.code).toBe('="00"');
    expect(zentrum.parent_code).toBe(`="${plain.find((r) => r.name === 'Zentrum')!.parent_code}"`);
    const services = parse((await (await fetch(`${http.url}/export/services.csv?categories=day_care&variant=excel`)).text()).replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Record<string, string>[];
    const withPostcode = services.filter((r) => r.postal_code);
    expect(withPostcode.length).toBeGreaterThan(0);
    expect(withPostcode.every((r) => /^="0\d{4}"$/.test(r.postal_code!))).toBe(true);
  });

  it('exports the need index and the gaps with the class shown on the map, as the API computes them', async () => {
    const rows = parse(await (await fetch(`${http.url}/export/need-index.csv?level=DISTRICT&year=2022`)).text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(63);
    expect(Object.keys(rows[0]!)).toEqual(['code', 'name', 'level', 'parent_code', 'need_index_2022', 'need_index_2022_class', 'need_index_2022_class_name', 'need_index_2022_rank', 'need_index_2022_missing_reason', 'quelle']);
    const top = rows.find((r) => r.need_index_2022_rank === '1')!;
    expect(top).toMatchObject({ name: 'Grünau-Nord', need_index_2022_class: 'VERY_LOW', need_index_2022_class_name: 'sehr hoher Bedarf' });
    expect(top.quelle).toContain('Stadt Leipzig');

    const gaps = parse(await (await fetch(`${http.url}/export/gaps.csv?category=youth_club&year=2023&needYear=2022`)).text(), { columns: true }) as Record<string, string>[];
    expect(gaps).toHaveLength(63);
    const names = new Map([['NONE', 'keine Lücke'], ['MODERATE', 'mäßig'], ['HIGH', 'hoch'], ['CRITICAL', 'kritisch']]);
    expect(gaps.every((r) => names.get(r.gap_youth_club_2023_class!) === r.gap_youth_club_2023_class_name)).toBe(true);
    // the youth clubs are demo data: the source says so
    expect(gaps[0]!.quelle).toContain('Demo-Daten');

    const bad = await fetch(`${http.url}/export/gaps.csv?category=youth_club&year=1800`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ parameter: 'year' });
  });
});
