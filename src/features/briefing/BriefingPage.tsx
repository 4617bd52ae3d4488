import { useQuery } from '@tanstack/react-query';
import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { kpiListOptions } from '../../api/kpis';
import { metaOptions } from '../../api/meta';
import { reportedProjectsOptions } from '../../api/projects';
import { sectorListOptions } from '../../api/sectors';
import { ChangeMarker } from '../../components/ChangeMarker';
import { ErrorPanel } from '../../components/ErrorPanel';
import { TextWithFigures } from '../../components/FigureText';
import { useProvenanceText, useReportQuote } from '../../components/ProvenanceBadge';
import { formatDate } from '../../lib/format';
import { usePageFilters } from '../../lib/routeSearch';
import { useLocale, useT } from '../../stores/prefs';
import { briefingText, composeBriefing } from './compose';
import type { Briefing } from './compose';
import type { Figure, Paragraph } from './writer';
import { briefingMessages } from './messages';
import './briefing.css';

/** Room kept between a tooltip and the window's edges, in px. */
const EDGE = 8;

/**
 * Where a figure's tooltip goes: below the figure, or above it when the window has no room
 * below, and never past the window's sides (a phone is narrower than the tooltip's reach).
 */
function placeTip(figure: DOMRect, tip: DOMRect): { top: number; left: number } {
  const below = figure.bottom + 4;
  const top = below + tip.height <= window.innerHeight - EDGE ? below : Math.max(EDGE, figure.top - 4 - tip.height);
  const left = Math.max(EDGE, Math.min(figure.left, window.innerWidth - tip.width - EDGE));
  return { top, left };
}

/** A number of the briefing: focus or hover shows what it is, its period and its source. */
function FigureText({ figure, periodText }: { figure: Figure; periodText: string }) {
  const t = useT(briefingMessages);
  const describe = useProvenanceText();
  const quote = useReportQuote();
  const said = figure.provenance.source ? quote(figure.provenance.source) : null;
  const [open, setOpen] = useState(false);
  const figureRef = useRef<HTMLSpanElement>(null);
  const tipRef = useRef<HTMLSpanElement>(null);
  const tipId = useId();
  // Placed before the browser paints it, and kept in place while the page scrolls.
  useLayoutEffect(() => {
    if (!open) return;
    const update = () => {
      const tip = tipRef.current;
      if (!figureRef.current || !tip) return;
      const { top, left } = placeTip(figureRef.current.getBoundingClientRect(), tip.getBoundingClientRect());
      tip.style.top = `${top}px`;
      tip.style.left = `${left}px`;
    };
    update();
    window.addEventListener('scroll', update, { capture: true, passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
    };
  }, [open]);
  return (
    <span className="briefing__figure-wrap" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <span
        ref={figureRef}
        className={`figure briefing__figure briefing__figure--${figure.provenance.kind}`}
        tabIndex={0}
        aria-describedby={tipId}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        {figure.change !== undefined && <ChangeMarker change={figure.change} spoken={false} />}
        {figure.text}
      </span>
      <span ref={tipRef} role="tooltip" id={tipId} className="provenance__tip briefing__tip" hidden={!open}>
        {t('figure.tip', { label: figure.label, period: periodText, source: describe(figure.provenance).join(' · ') })}
        {said && <span className="provenance__quote">{t('figure.quote', { quote: said })}</span>}
      </span>
    </span>
  );
}

function ParagraphText({ paragraph, periodText }: { paragraph: Paragraph; periodText: string }) {
  return (
    <p>
      {paragraph.map((segment, i) =>
        segment.kind === 'figure' ? (
          <FigureText key={i} figure={segment} periodText={periodText} />
        ) : segment.kind === 'name' ? (
          <span key={i} className="briefing__name">
            {segment.text}
          </span>
        ) : (
          <TextWithFigures key={i} text={segment.text} />
        ),
      )}
    </p>
  );
}

async function downloadWord(briefing: Briefing, fileName: string) {
  const { briefingDocx } = await import('./docx');
  const blob = await briefingDocx(briefing);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function BriefingPage() {
  const t = useT(briefingMessages);
  const locale = useLocale();
  const { period } = usePageFilters();
  const meta = useQuery(metaOptions());
  const kpis = useQuery(kpiListOptions({ period, sector: null }));
  const sectors = useQuery(sectorListOptions(period));
  const projects = useQuery(reportedProjectsOptions());
  const [status, setStatus] = useState('');
  const [wordBusy, setWordBusy] = useState(false);
  const headingId = useId();

  const queries = [meta, kpis, sectors, projects];
  const failed = queries.find((q) => q.isError);
  const briefing = useMemo(() => {
    if (!meta.data || !kpis.data || !sectors.data || !projects.data) return null;
    if (kpis.data.period !== period || sectors.data.period !== period) return null;
    return composeBriefing({
      meta: meta.data,
      period,
      kpis: kpis.data,
      sectors: sectors.data,
      namedProjects: projects.data,
      locale,
      asOfText: formatDate(meta.data.asOf, locale),
    });
  }, [meta.data, kpis.data, sectors.data, projects.data, period, locale]);
  const periodText = briefing?.periodText ?? '';

  const copy = async () => {
    if (!briefing) return;
    try {
      await navigator.clipboard.writeText(briefingText(briefing));
      setStatus(t('tools.copied'));
    } catch {
      setStatus(t('tools.copyFailed'));
    }
  };
  const word = async () => {
    if (!briefing) return;
    setWordBusy(true);
    try {
      await downloadWord(briefing, `${briefing.title.replace(/[\\/:*?"<>|\s—]+/g, '_')}.docx`);
    } finally {
      setWordBusy(false);
    }
  };

  return (
    <div className="page briefing" aria-busy={!briefing && !failed}>
      <div className="page-head briefing__head">
        <div>
          <h1>{t('page.title')}</h1>
          <p className="briefing__intro">{t('page.intro')}</p>
        </div>
        <div className="briefing__tools" role="group" aria-label={t('tools.label')}>
          <button type="button" className="button" onClick={() => void word()} disabled={!briefing || wordBusy}>
            {wordBusy ? t('tools.wordBusy') : t('tools.word')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => void copy()} disabled={!briefing}>
            {t('tools.copy')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => window.print()} disabled={!briefing}>
            {t('tools.print')}
          </button>
        </div>
      </div>
      <p className="briefing__status" role="status">
        {status || (!briefing && !failed ? t('page.loading') : '')}
      </p>
      {failed ? (
        <ErrorPanel
          what={t('page.title')}
          error={failed.error}
          onRetry={() => queries.forEach((q) => q.isError && void q.refetch())}
          retrying={queries.some((q) => q.isFetching)}
        />
      ) : briefing ? (
        <article className="briefing__doc" aria-labelledby={headingId}>
          {briefing.sample && (
            <p className="briefing__sample" role="note">
              {briefing.sample}
            </p>
          )}
          <h2 id={headingId} className="briefing__title">
            {briefing.title}
          </h2>
          <p className="briefing__asof">{briefing.asOf}</p>
          {briefing.sections.length === 0 && <p>{t('empty')}</p>}
          {briefing.sections.map((section) => (
            <section
              key={section.id}
              className={`briefing__section briefing__section--${section.id}`}
              aria-label={section.heading}
            >
              <h3>{section.heading}</h3>
              {section.paragraphs.map((p, i) => (
                <ParagraphText key={i} paragraph={p} periodText={periodText} />
              ))}
            </section>
          ))}
          <p className="briefing__source">{briefing.source}</p>
        </article>
      ) : null}
    </div>
  );
}
