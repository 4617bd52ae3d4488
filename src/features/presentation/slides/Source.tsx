import type { Provenance } from '../../../api/common';
import { useProvenanceText } from '../../../components/ProvenanceBadge';

/** "报告数据 · 出处：报告第52段": where a figure comes from, small but always on screen. */
export function Source({ provenance }: { provenance: Provenance }) {
  const describe = useProvenanceText();
  const [kind, ...details] = describe(provenance);
  return (
    <p className={`wall-source wall-source--${provenance.kind}`}>
      {/* With its source line, the assumed period (L42) when the report gives none. */}
      {[kind, details[0], provenance.assumedPeriod ? details[1] : null].filter(Boolean).join(' · ')}
    </p>
  );
}
