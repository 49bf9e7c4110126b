// Texts of the scenario's funding changes and summary (the older scenario texts are in app/i18n.tsx).
import { useI18n } from '../../app/i18n';

const de = {
  funding: 'Förderung ändern',
  fundingService: (year: number) => `Gefördertes Angebot (${year})`,
  fundingNone: (year: number) => `Für ${year} ist in dieser Angebotsart keine Förderung erfasst.`,
  fundingNow: (euro: string) => `bisher ${euro}`,
  fundingAmount: 'Neuer Betrag (Euro)',
  fundingCut: (p: number) => `−${p} %`,
  fundingRaise: (p: number) => `+${p} %`,
  fundingZero: 'streichen (0 €)',
  fundingQuick: 'Schnellwahl',
  fundingAdd: 'Förderänderung hinzufügen',
  fundingBadAmount: 'Bitte einen Betrag ab 0 Euro angeben.',
  fundingChange: 'Förderung',
  fundingNote: 'Förderung ändert die Euro je Gebiet, nicht die Versorgungslücke: die Karte färbt nur neue und geschlossene Angebote um.',
  stale: 'Die Änderungen sind noch nicht berechnet.',
  summary: 'Was sich ändert',
  moved: (n: number) => (n === 1 ? '1 Gebiet wechselt die Lückenklasse' : `${n} Gebiete wechseln die Lückenklasse`),
  noneMoved: 'Kein Gebiet wechselt die Lückenklasse.',
  rest: (n: number) => (n === 1 ? '1 weiteres Gebiet ändert sich, bleibt aber in seiner Klasse' : `${n} weitere Gebiete ändern sich, bleiben aber in ihrer Klasse`),
  better: 'Lücke kleiner',
  worse: 'Lücke größer',
  ringNote: 'Gestrichelt umrandet: Gebiete, deren Lückenklasse sich ändert.',
  shareHint: 'Das Szenario steht in der Adresse dieser Seite: Neu laden oder den Link teilen zeigt es wieder.',
};
type ScenarioTexts = { [K in keyof typeof de]: (typeof de)[K] extends (...a: infer A) => string ? (...a: A) => string : string };

const en: ScenarioTexts = {
  funding: 'Change funding',
  fundingService: (year) => `Funded service (${year})`,
  fundingNone: (year) => `No funding recorded for ${year} in this category.`,
  fundingNow: (euro) => `so far ${euro}`,
  fundingAmount: 'New amount (euros)',
  fundingCut: (p) => `−${p} %`,
  fundingRaise: (p) => `+${p} %`,
  fundingZero: 'cut (0 €)',
  fundingQuick: 'Quick choice',
  fundingAdd: 'Add funding change',
  fundingBadAmount: 'Please enter an amount of 0 euros or more.',
  fundingChange: 'Funding',
  fundingNote: 'Funding changes the euros per area, not the coverage gap: the map only recolours for new and closed services.',
  stale: 'The changes are not computed yet.',
  summary: 'What changes',
  moved: (n) => (n === 1 ? '1 area changes its gap class' : `${n} areas change their gap class`),
  noneMoved: 'No area changes its gap class.',
  rest: (n) => (n === 1 ? '1 more area changes but keeps its class' : `${n} more areas change but keep their class`),
  better: 'gap smaller',
  worse: 'gap larger',
  ringNote: 'Dashed outline: areas whose gap class changes.',
  shareHint: 'The scenario is in this page’s address: reloading or sharing the link shows it again.',
};

export function useScenarioTexts(): ScenarioTexts {
  return useI18n().locale === 'en' ? en : de;
}
