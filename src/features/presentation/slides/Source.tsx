import type { Provenance } from '../../../api/common';
import { useProvenanceText } from '../../../components/ProvenanceBadge';

/** "报告数据 · 出处：报告第 52 行": where a figure comes from, small but always on screen. */
export function Source({ provenance }: { provenance: Provenance }) {
  const describe = useProvenanceText();
  const [kind, ...details] = describe(provenance);
  return (
    <p className={`wall-source wall-source--${provenance.kind}`}>{[kind, details[0]].filter(Boolean).join(' · ')}</p>
  );
}
