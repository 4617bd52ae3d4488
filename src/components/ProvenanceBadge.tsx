import { useCallback, useId, useState } from 'react';
import type { Provenance } from '../api/common';
import { useT } from '../stores/prefs';
import { componentMessages } from './messages';
import './ProvenanceBadge.css';

/** "L56-L58" → "56–58". */
const lines = (source: string) => source.replaceAll('L', '').replace('-', '–');

/** A figure's provenance in words: the same function until the language changes (rows memoise on it). */
export function useProvenanceText() {
  const t = useT(componentMessages);
  return useCallback(
    (p: Provenance) => {
      const parts = [t(`provenance.${p.kind}`)];
      if (p.source) parts.push(t('provenance.source', { lines: lines(p.source) }));
      if (p.formula) parts.push(t('provenance.formula', { formula: p.formula }));
      if (p.import) parts.push(t('provenance.import', { ...p.import }));
      if (p.kind === 'illustrative') parts.push(t('provenance.illustrativeNote'));
      return parts;
    },
    [t],
  );
}

/**
 * Where a figure comes from. The short label is always visible; hover or keyboard focus
 * shows the source line and formula (the details are also in the accessible description).
 */
export function ProvenanceBadge({ provenance, compact = false }: { provenance: Provenance; compact?: boolean }) {
  const t = useT(componentMessages);
  const describe = useProvenanceText();
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const [kind, ...details] = describe(provenance);
  const visible = compact ? (provenance.source ?? kind) : [kind, provenance.source].filter(Boolean).join(' · ');
  return (
    <span className="provenance" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className={`provenance__badge provenance__badge--${provenance.kind}`}
        // The name contains the visible text (WCAG 2.5.3) and says what the badge is.
        aria-label={`${t('provenance.prefix')}${[kind, provenance.source].filter(Boolean).join(' · ')}`}
        aria-describedby={tipId}
        aria-expanded={open}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        {visible}
      </button>
      <span role="tooltip" id={tipId} className="provenance__tip" hidden={!open}>
        {[kind, ...details].join(t('provenance.join'))}
      </span>
    </span>
  );
}
