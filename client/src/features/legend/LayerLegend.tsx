import type { MapLayerState } from '../../app/use-map-layer';
import { IndicatorHelp } from '../controls/IndicatorHelp';
import { ClassLegend } from './ClassLegend';
import { Legend } from './Legend';

/** The legend of whatever colours the map. */
export function LayerLegend({ layer }: { layer: MapLayerState }) {
  const { legend, meta } = layer;
  if (!legend || !meta || layer.loading) return null;
  const title = `${layer.title} ${layer.yearLabel}`;
  if (legend.kind === 'classes') return <ClassLegend title={title} {...legend} />;
  const def = layer.indicators?.find((i) => i.key === meta.key);
  return (
    <Legend
      meta={meta}
      classification={legend.classification}
      palette={legend.palette}
      counts={legend.counts}
      noData={legend.noData}
      suppressed={legend.suppressed}
      title={title}
      isChange={legend.isChange}
      help={def && <IndicatorHelp indicator={def} years={layer.years} inLegend />}
    />
  );
}
