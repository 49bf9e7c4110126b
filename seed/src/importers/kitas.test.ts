import { readFileSync } from 'node:fs';
import path from 'node:path';
import { leipzigDataDir } from '../paths';
import { normalizeProviderName } from '@sozialatlas/db';

test('the shipped file has 77 distinct provider names, still 77 after normalisation', () => {
  const kitas = JSON.parse(readFileSync(path.join(leipzigDataDir(), 'leipzig-kitas.json'), 'utf8')) as { traegerName: string }[];
  const raw = new Set(kitas.map((k) => k.traegerName));
  expect(raw.size).toBe(77);
  expect(new Set([...raw].map(normalizeProviderName)).size).toBe(77);
});
