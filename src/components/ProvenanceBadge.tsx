import { QueryClientContext } from '@tanstack/react-query';
import { useCallback, useContext, useId, useState } from 'react';
import type { Provenance } from '../api/common';
import { metaKeys } from '../api/meta';
import type { Meta } from '../api/meta';
import { useT } from '../stores/prefs';
import { componentMessages } from './messages';
import './ProvenanceBadge.css';

/** "L56-L58" → "56–58": the report's lines are its paragraphs. */
const lines = (source: string) => source.replaceAll('L', '').replace('-', '–');
const isRange = (source: string) => source.includes('-');

/** Sentence ends after which a paragraph of the source may be joined to the next with a line break. */
const SENTENCE_END = /[。！？…”』）]$/;

/**
 * The words of the report a source line points to, from the report's paragraphs in /meta (read from
 * the query cache the app fills on every page, not asked for per badge): "L56-L58" joins 56 and 58,
 * which the printed report breaks mid-word. Null where the data version carries no text.
 */
export function quoteOf(meta: Pick<Meta, 'source'> | undefined, source: string): string | null {
  const paragraphs = meta?.source.paragraphs;
  const [from, to] = source.replaceAll('L', '').split('-').map(Number);
  if (!paragraphs || from === undefined || Number.isNaN(from)) return null;
  const picked = paragraphs.filter((p) => p.line >= from && p.line <= (to ?? from));
  if (picked.length === 0) return null;
  return picked.reduce((text, p, i) => (i === 0 ? p.text : text + (SENTENCE_END.test(text) ? '\n' : '') + p.text), '');
}

/** The quote for a source line, from the cached /meta; nothing outside a query client (a bare unit render). */
export function useReportQuote() {
  const client = useContext(QueryClientContext);
  return useCallback((source: string) => quoteOf(client?.getQueryData<Meta>(metaKeys.all), source), [client]);
}

/** A figure's provenance in words: the same function until the language changes (rows memoise on it). */
export function useProvenanceText() {
  const t = useT(componentMessages);
  return useCallback(
    (p: Provenance) => {
      const parts = [t(`provenance.${p.kind}`)];
      if (p.source) {
        parts.push(t(isRange(p.source) ? 'provenance.sourceRange' : 'provenance.source', { lines: lines(p.source) }));
      }
      if (p.assumedPeriod) parts.push(t('provenance.assumedPeriod'));
      if (p.formula) parts.push(t('provenance.formula', { formula: p.formula }));
      if (p.import) parts.push(t('provenance.import', { ...p.import }));
      if (p.kind === 'illustrative') parts.push(t('provenance.illustrativeNote'));
      return parts;
    },
    [t],
  );
}

/**
 * Where a figure comes from, in words an official reads: 报告第52段 / Report, paragraph 52 for a
 * reported figure, 推算数据 for a derived one. Hover or keyboard focus shows the rest: the report's
 * own sentence, the formula (the details are also in the accessible description).
 */
export function ProvenanceBadge({ provenance, compact = false }: { provenance: Provenance; compact?: boolean }) {
  const t = useT(componentMessages);
  const describe = useProvenanceText();
  const quote = useReportQuote();
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const [kind, ...details] = describe(provenance);
  const { source } = provenance;
  const where = source
    ? t(
        compact
          ? isRange(source)
            ? 'provenance.paras.short'
            : 'provenance.para.short'
          : isRange(source)
            ? 'provenance.paras'
            : 'provenance.para',
        { lines: lines(source) },
      )
    : null;
  // An assumed period is said on the badge itself, not only on hover.
  const visible = [where ?? kind, provenance.assumedPeriod ? t('provenance.assumedPeriod.short') : null]
    .filter(Boolean)
    .join(' · ');
  const said = source ? quote(source) : null;
  return (
    <span className="provenance" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className={`provenance__badge provenance__badge--${provenance.kind}`}
        // The name contains the visible text (WCAG 2.5.3) and says what the badge is.
        aria-label={`${t('provenance.prefix')}${visible}`}
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
        {said && <span className="provenance__quote">{t('provenance.quote', { quote: said })}</span>}
      </span>
    </span>
  );
}
