import type { SectorFigure } from '../../../api/sectors';
import { inGrowthOrder, periodAssumed } from '../../../domain/briefingSections';
import { localized } from '../../../lib/i18n';
import { isPresent } from '../writer';
import type { BriefingWriter, Paragraph, Segment } from '../writer';

/** A sector's output and its growth, share and firms; only its firms when its output is not known. */
function sectorClause(s: SectorFigure, w: BriefingWriter): Segment[] | null {
  const name = w.inSentence(localized(s.label, w.locale));
  const output = w.figure(s.output, name);
  const main = s.growth
    ? w.sentence('industry.sector', {
        sector: name,
        output,
        dir: w.direction(s.growth),
        growth: w.change(s.growth, name),
      })
    : w.sentence('industry.sectorNoGrowth', { sector: name, output });
  if (!main) return w.sentence('industry.firmsOnly', { sector: name, firms: w.figure(s.firms, name) });
  return w.clauses([
    main,
    w.sentence('industry.share', { share: w.figure(s.share, name) }),
    w.sentence('industry.firms', { firms: w.figure(s.firms, name) }),
  ]);
}

/**
 * One group's sectors, the fastest growing first, in one sentence; the sectors whose figures the
 * source gives without a period (L42) are named once, after them, with the period they are listed
 * under.
 */
function groupParagraph(all: readonly SectorFigure[], group: SectorFigure['group'], w: BriefingWriter) {
  const sectors = inGrowthOrder(
    all.filter((s) => s.group === group),
    (s) => s.growth?.value ?? null,
  );
  const clauses = sectors.map((s) => sectorClause(s, w)).filter(isPresent);
  const assumed = clauses.length > 0 ? sectors.filter(periodAssumed) : [];
  const note = w.sentence('industry.assumedPeriod', {
    names: w.list(assumed.map((s) => [w.text(w.inSentence(localized(s.label, w.locale)))])),
    period: { kind: 'period', text: w.periodText },
  });
  const listed = w.list(clauses, 'join');
  return w.paragraph([
    w.sentence(group === 'leading' ? 'industry.leading' : 'industry.multipoint', {
      list: listed && note ? [...listed, ...note] : listed,
    }),
  ]);
}

/** 工业: the leading industries, then the diversified-growth ones. */
export function industrySection(sectors: readonly SectorFigure[], w: BriefingWriter): (Paragraph | null)[] {
  return [groupParagraph(sectors, 'leading', w), groupParagraph(sectors, 'multipoint', w)];
}
