import { classifyProvider, normalizeProviderName } from './providers';

test('provider names are normalised: case, whitespace, quotes, "e. V." spellings', () => {
  expect(normalizeProviderName('Herbie e. V. ')).toBe(normalizeProviderName('herbie  e.V.'));
  expect(normalizeProviderName('"HUMANITAS" gGmbH')).toBe('humanitas ggmbh');
  expect(normalizeProviderName('forum thomanum Schulen g.GmbH')).toBe('forum thomanum schulen ggmbh');
  expect(normalizeProviderName('DRK Kreisverband Leipzig-Stadt e.V.')).toBe('drk kreisverband leipzig stadt ev');
});

test('providers are classified by documented name rules', () => {
  expect(classifyProvider('Amt für Schule')).toEqual({ kind: 'MUNICIPAL', umbrella: null });
  expect(classifyProvider('Städtischer Eigenbetrieb Behindertenhilfe (SEB)').kind).toBe('MUNICIPAL');
  expect(classifyProvider('Kinderland 2000 GmbH').kind).toBe('COMMERCIAL');
  expect(classifyProvider('FRÖBEL Bildung und Erziehung gemeinnützige GmbH').kind).toBe('NON_PROFIT');
  expect(classifyProvider('Outlaw gemeinnützige Gesellschaft für Kinder- und Jugendhilfe mbH').kind).toBe('NON_PROFIT');
  expect(classifyProvider('DRK Kreisverband Leipzig-Stadt e.V.')).toEqual({ kind: 'NON_PROFIT', umbrella: 'DRK' });
  expect(classifyProvider('Diakonisches Werk Innere Mission Leipzig e. V. ').umbrella).toBe('DIAKONIE');
  expect(classifyProvider('Arbeiterwohlfahrt Kreisverband Leipzig Stadt e. V.').umbrella).toBe('AWO');
  expect(classifyProvider('Volkssolidarität Stadtverband Leipzig e. V.').umbrella).toBeNull();
});
