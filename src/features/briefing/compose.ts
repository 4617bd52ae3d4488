/**
 * Writes the briefing for a period from the API's figures: a section builder per section
 * (sections/), each given the figures it needs and the wording (writer.ts), and the rules that
 * judge the figures (src/domain/briefing.ts, src/domain/pace.ts). A sentence is written only when
 * every figure it needs exists for the period and is not illustrative; a section with no sentence
 * is left out, and the ones written are numbered in order after the behind-schedule box.
 */
import type { PeriodId } from '../../api/common';
import type { KpiList } from '../../api/kpis';
import type { Meta } from '../../api/meta';
import type { Project } from '../../api/projects';
import type { SectorList } from '../../api/sectors';
import { sampleMessages } from '../../components/sampleMessages';
import {
  annualProgress,
  districtIndustryTargets,
  ownPeriodFigures,
  projectsByStage,
} from '../../domain/briefingSections';
import type { AnnualProgress } from '../../domain/briefingSections';
import { behindSchedule } from '../../domain/pace';
import { parsePeriod } from '../../domain/periods';
import { formatPeriod } from '../../lib/format';
import { localized, translate } from '../../lib/i18n';
import type { Locale } from '../../lib/i18n';
import { attractionSection } from './sections/attraction';
import { otherSection } from './sections/other';
import { behindSection } from './sections/behind';
import { industrySection } from './sections/industry';
import { overallSection } from './sections/overall';
import { privateSection } from './sections/private';
import { projectsSection } from './sections/projects';
import { briefingWriter, isPresent } from './writer';
import type { Paragraph } from './writer';

/** The sections in the order they are written: the behind-schedule box first, unnumbered. */
const SECTION_IDS = ['behind', 'overall', 'industry', 'attraction', 'projects', 'private', 'other'] as const;
export type SectionId = (typeof SECTION_IDS)[number];
export interface Section {
  id: SectionId;
  heading: string;
  paragraphs: Paragraph[];
}

export interface Briefing {
  locale: Locale;
  /** 北碚区经济运行简报（2023年上半年） */
  title: string;
  period: PeriodId;
  /** 2023年上半年 / H1 2023 */
  periodText: string;
  asOf: string;
  sections: Section[];
  /** The 数据来源 line. */
  source: string;
  /** 演示数据 · 非正式统计 when the figures are sample data: first in the draft, its text and its Word file. */
  sample: string | null;
}

export interface BriefingInput {
  meta: Meta;
  period: PeriodId;
  kpis: KpiList;
  sectors: SectorList;
  /** The projects the report names (provenance reported), for the list by stage. */
  namedProjects: readonly Project[];
  locale: Locale;
  asOfText: string;
}

/** The indicators of the report the sections write by name. */
const NAMED_KPIS = [
  'industry-gdp-share',
  'industrial-output-growth',
  'industrial-output',
  'investment-signed',
  'investment-arrived',
  'attraction-target-completion',
  'project-start-rate',
  'key-projects',
  'municipal-key-projects',
  'private-entities',
  'private-industrial-output-growth',
  'private-support',
  'little-giants',
  'municipal-srdi-firms',
  'tech-firm-loans',
  'rd-institutions',
] as const;

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Section numbers as an office writes them: 一、二、三 in Chinese, 1. 2. 3. in English. */
const numeral = (n: number, locale: Locale) =>
  locale === 'zh-CN' ? (CHINESE_NUMERALS[n - 1] ?? String(n)) : String(n);

export function composeBriefing({
  meta,
  period,
  kpis,
  sectors,
  namedProjects,
  locale,
  asOfText,
}: BriefingInput): Briefing {
  const isTarget = meta.periods.some((p) => p.id === period && p.kind === 'target');
  const periodText = formatPeriod(period, locale, { target: isTarget });
  const district = localized(meta.district, locale);
  const toDate = parsePeriod(period)?.kind === 'toDate';
  const w = briefingWriter({ locale, period, periodText, district, toDate });
  const items = ownPeriodFigures(kpis.items, period);
  // The indicators a section names; any other (one an office added) is written by the last section.
  const named = new Set<string>(NAMED_KPIS);
  const kpi = (id: (typeof NAMED_KPIS)[number]) => items.find((k) => k.id === id);
  const others = items.filter((k) => k.sector === null && !named.has(k.id));
  const progress = annualProgress(items, period);
  const otherIds = new Set(others.map((k) => k.id));
  const isOther = (p: AnnualProgress) => otherIds.has(p.pace.kpi.id);
  const ofAttraction = (yes: boolean) =>
    progress.filter((p) => !isOther(p) && (p.pace.kpi.group === 'attraction') === yes);

  const drafts: Record<SectionId, (Paragraph | null)[]> = {
    behind: behindSection(behindSchedule(items), w),
    overall: overallSection(
      {
        gdpShare: kpi('industry-gdp-share'),
        outputGrowth: kpi('industrial-output-growth'),
        output: kpi('industrial-output'),
        targets: districtIndustryTargets(items),
        progress: ofAttraction(false),
      },
      w,
    ),
    industry: industrySection(sectors.items, w),
    attraction: attractionSection(
      {
        signed: kpi('investment-signed'),
        arrived: kpi('investment-arrived'),
        completion: kpi('attraction-target-completion'),
        startRate: kpi('project-start-rate'),
        progress: ofAttraction(true),
      },
      w,
    ),
    projects: projectsSection(
      {
        keyProjects: kpi('key-projects'),
        municipal: kpi('municipal-key-projects'),
        byStage: projectsByStage(namedProjects, period),
      },
      w,
    ),
    private: privateSection(
      {
        entities: kpi('private-entities'),
        output: kpi('private-industrial-output-growth'),
        support: kpi('private-support'),
        giants: kpi('little-giants'),
        srdi: kpi('municipal-srdi-firms'),
        loans: kpi('tech-firm-loans'),
        rd: kpi('rd-institutions'),
      },
      w,
    ),
    other: otherSection({ items: others, progress: progress.filter(isOther) }, w),
  };
  let numbered = 0;
  const sections = SECTION_IDS.flatMap((id): Section[] => {
    const kept = drafts[id].filter(isPresent).filter((p) => p.length > 0);
    if (kept.length === 0) return [];
    const heading =
      id === 'behind'
        ? w.t('section.behind')
        : w.t('section.numbered', { n: numeral(++numbered, locale), heading: w.t(`section.${id}`) });
    return [{ id, heading, paragraphs: kept }];
  });

  return {
    locale,
    title: w.t('doc.title', { district }) + w.t(toDate ? 'doc.periodAsOf' : 'doc.period', { period: periodText }),
    period,
    periodText,
    asOf: w.t('doc.asOf', { date: asOfText }),
    sections,
    source: w.t('doc.source', { source: localized(meta.source.title, locale), district }),
    sample: meta.sample ? translate(sampleMessages, locale, 'sample.label') : null,
  };
}

/** The briefing as plain text (copy, print-free uses): headings and paragraphs. */
export function briefingText(b: Briefing): string {
  const para = (p: Paragraph) => p.map((s) => s.text).join('');
  return [
    ...(b.sample ? [b.sample] : []),
    b.title,
    b.asOf,
    '',
    ...b.sections.flatMap((s) => [s.heading, ...s.paragraphs.map(para), '']),
    b.source,
  ].join('\n');
}
