import { screen } from '@testing-library/react';
import { renderIn } from '../../../test/render';
import { CHEMNITZ } from '../../../test/cities';
import { EMPTY_SCENARIO } from '../../lib/url-state';
import { ScenarioPanel } from './ScenarioPanel';
import type { ScenarioState } from './use-scenario';

/** A scenario with nothing planned and nothing computed. */
const idle = (unavailable: ScenarioState['unavailable'] = []) =>
  ({
    spec: EMPTY_SCENARIO, setSpec: jest.fn(), adds: [], closes: [], funding: [], services: [], funded: [], setWantServices: jest.fn(),
    picking: false, setPicking: jest.fn(), picked: null, setPicked: jest.fn(), result: null, unavailable, stale: false, empty: true,
    running: false, error: false, run: jest.fn(), reset: jest.fn(), changes: jest.fn(), points: { type: 'FeatureCollection', features: [] },
  }) as unknown as ScenarioState;

const scenarioGap = CHEMNITZ.unavailable.find((u) => u.what === 'SCENARIO_DEMAND')!;

describe('ScenarioPanel per city', () => {
  it('a city the API cannot compute a scenario for: its sentence, no form that cannot work', () => {
    renderIn(<ScenarioPanel scenario={idle()} category="youth_social_work" categoryName="Schulsozialarbeit" year={null} areas={[]} unavailable={scenarioGap} />);
    expect(screen.getByTestId('scenario-unavailable')).toHaveTextContent('Szenario: für Chemnitz nicht verfügbar – keine Statistik je Stadtteil.');
    expect(screen.queryByRole('button', { name: /Karte/ })).toBeNull();
    expect(screen.queryByTestId('nothing-saved')).toBeNull();
  });

  it('the API’s own answer that a computed scenario is unavailable is shown too (English)', () => {
    renderIn(<ScenarioPanel scenario={idle([scenarioGap])} category="youth_social_work" categoryName="Youth social work" year={2024} areas={[]} />, 'en');
    expect(screen.getByTestId('scenario-unavailable')).toHaveTextContent('Scenario: not available for Chemnitz – no statistics per district.');
  });

  it('a city with statistics gets the form', () => {
    renderIn(<ScenarioPanel scenario={idle()} category="kita" categoryName="Kita" year={2024} areas={[]} unavailable={null} />);
    expect(screen.queryByTestId('scenario-unavailable')).toBeNull();
    expect(screen.getByTestId('nothing-saved')).toBeInTheDocument();
  });
});
