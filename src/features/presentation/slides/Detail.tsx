import { ChangeMarker } from '../../../components/ChangeMarker';
import type { KpiDetail } from './kpiDetails';

/** A secondary line of a tile; a change carries its ▲/▼ (and the word for a screen reader). */
export function Detail({ detail }: { detail: KpiDetail }) {
  return (
    <p className="wall-tile__detail">
      {detail.change !== undefined && <ChangeMarker change={detail.change} lowerIsBetter={detail.lowerIsBetter} />}
      {detail.text}
    </p>
  );
}
