/**
 * Writes the briefing for a period from the API's figures: sections of sentences whose numbers
 * are figures of the data (formatted as the tiles print them, each with its period and source).
 * A sentence is written only when every figure it needs exists for the period and is not
 * illustrative; the words that judge (增长/下降, 快于/慢于序时进度, 超额完成) come from the rules in
 * src/domain/briefing.ts and src/domain/pace.ts: a reported period-target completion is the verdict
 * on its figures, and linear 序时进度 is written, as a reckoning, only for figures without one. A
 * derived figure is written as an estimate (约, about) so the words say so wherever they are pasted.
 */
import type { Measure, PeriodId, Provenance } from '../../api/common';
import type { Kpi, KpiList } from '../../api/kpis';
import type { Meta } from '../../api/meta';
import type { Project } from '../../api/projects';
import type { SectorFigure, SectorList } from '../../api/sectors';
import { directionOf, figureWording, planVerdict, rankByGrowth, standingOf } from '../../domain/briefing';
import { formatMeasure, formatPeriod, formatShare, formatPoints } from '../../lib/format';
import { sampleMessages } from '../../components/sampleMessages';
import { localized, translate } from '../../lib/i18n';
import type { Locale } from '../../lib/i18n';
import { behindSchedule, cumulativePaces, paceVerdict, scheduleVerdict, valuePeriodOf } from '../../domain/pace';
import { parsePeriod } from '../../domain/periods';
import { stageAtPeriodEnd } from '../../domain/projectStage';
import { projectLabelMessages } from '../../lib/projectLabelMessages';
import { STAGE_IDS } from '../../api/common';
import { briefingMessages } from './messages';
import type { BriefingMessageKey } from './messages';

/** A number of the data as written in the text. */
export interface Figure {
  kind: 'figure';
  text: string;
  /** What the number is, for its tooltip: the indicator's name. */
  label: string;
  period: PeriodId;
  provenance: Provenance;
  /** A change (its direction already in the words: 增长/下降): the page marks it ▲/▼ too. */
  change?: number;
  /** A derived figure, written after 约 / "an estimated" (a rate) or "about" (an amount). */
  estimate?: 'rate' | 'amount';
}

/** A piece of a sentence: words, a figure, a period or a name (the last two carry no figure). */
export type Segment = { kind: 'text'; text: string } | Figure | { kind: 'period' | 'name'; text: string };
export type Paragraph = Segment[];

export type SectionId = 'behind' | 'overall' | 'industry' | 'attraction' | 'projects' | 'private';
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

type Piece = Segment | Segment[] | string;

export function composeBriefing({
  meta,
  period,
  kpis,
  sectors,
  namedProjects,
  locale,
  asOfText,
}: BriefingInput): Briefing {
  const t = (key: BriefingMessageKey, vars?: Record<string, string>) => translate(briefingMessages, locale, key, vars);
  const isTarget = meta.periods.some((p) => p.id === period && p.kind === 'target');
  const periodText = formatPeriod(period, locale, { target: isTarget });
  const district = localized(meta.district, locale);
  // The draft writes a period's own figures: a value of an earlier period (the latest up to this
  // one) is that period's, and its sentence would put it in this one.
  const items = kpis.items.map((k) =>
    valuePeriodOf(k) === period
      ? k
      : {
          ...k,
          value: null,
          yoy: null,
          planCompletion: null,
          periodTarget: null,
          comparisons: [],
          facts: [],
          series: null,
        },
  );
  const byId = new Map(items.map((k) => [k.id, k]));

  /** A figure of the data, or null when it is missing or only illustrative. */
  const fig = (
    measure: Measure | null | undefined,
    label: string,
    opts: { abs?: boolean; change?: boolean } = {},
  ): Figure | null => {
    if (!measure || measure.provenance.kind === 'illustrative') return null;
    const shown = opts.abs ? { ...measure, value: Math.abs(measure.value) } : measure;
    const figure: Figure = {
      kind: 'figure',
      text: formatMeasure(shown, locale),
      label,
      period,
      provenance: measure.provenance,
    };
    if (opts.change) figure.change = measure.value;
    if (figureWording(measure.provenance) === 'estimate') {
      figure.estimate = measure.unit === 'percent' || measure.unit === 'pp' ? 'rate' : 'amount';
    }
    return figure;
  };
  const derivedFig = (text: string, label: string, formula: string): Figure => ({
    kind: 'figure',
    text,
    label,
    period,
    provenance: { kind: 'derived', formula },
  });
  const text = (s: string): Segment => ({ kind: 'text', text: s });
  const asOf = parsePeriod(period)?.kind === 'toDate';
  const periodSeg: Segment = {
    kind: 'period',
    text: t(asOf ? 'period.openerAsOf' : 'period.opener', { period: periodText }),
  };
  const districtSeg = text(district);

  /** Fills a template; null when any of its pieces is missing. */
  const sentence = (key: BriefingMessageKey, vars: Record<string, Piece | null | undefined>): Segment[] | null => {
    const out: Segment[] = [];
    const template = t(key);
    let last = 0;
    for (const match of template.matchAll(/\{(\w+)\}/g)) {
      const before = template.slice(last, match.index);
      if (before) out.push(text(before));
      const piece = vars[match[1] ?? ''];
      if (piece === null || piece === undefined) return null;
      if (typeof piece === 'string') out.push(text(piece));
      else if (Array.isArray(piece)) out.push(...piece);
      else {
        if (piece.kind === 'figure' && piece.estimate) out.push(text(t(`estimate.${piece.estimate}`)));
        out.push(piece);
      }
      last = match.index + match[0].length;
    }
    const rest = template.slice(last);
    if (rest) out.push(text(rest));
    return out;
  };
  /** Clauses joined with commas into one sentence (the first capitalised in English). */
  const paragraph = (clauses: (Segment[] | null)[]): Paragraph | null => {
    const present = clauses.filter((c): c is Segment[] => c !== null);
    if (present.length === 0) return null;
    const out: Segment[] = [];
    present.forEach((c, i) => {
      if (i > 0) out.push(text(locale === 'zh-CN' ? '，' : ', '));
      out.push(...c);
    });
    out.push(text(t('end')));
    const first = out[0];
    if (locale === 'en' && first && first.kind === 'text') out[0] = { ...first, text: capitalise(first.text) };
    return out;
  };
  const list = (items: Segment[][], joinKey: BriefingMessageKey = 'listJoin'): Segment[] | null => {
    if (items.length === 0) return null;
    const out: Segment[] = [];
    items.forEach((item, i) => {
      if (i > 0) out.push(text(t(joinKey)));
      out.push(...item);
    });
    return out;
  };
  const dir = (m: Measure) => t(`dir.${directionOf(m.value)}`);
  const estimated = (m: Measure) => figureWording(m.provenance) === 'estimate';
  const kpi = (id: string) => byId.get(id);
  /** A name as it reads inside an English sentence (investment signed, GDP kept); Chinese as it is. */
  const inSentence = (name: string) =>
    locale === 'en' && !/^[A-Z]{2}/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  const label = (k: Kpi | undefined) => (k ? inSentence(localized(k.label, locale)) : '');
  const factOf = (k: Kpi | undefined, unit: Measure['unit']) => k?.facts.find((f) => f.value.unit === unit)?.value;
  const comparison = (k: Kpi | undefined, kind: Kpi['comparisons'][number]['kind']) =>
    k?.comparisons.find((c) => c.kind === kind);

  /* What is behind schedule, by the best measure the data has, and each annual target's progress. */
  const paceFigures = (
    k: Kpi,
    value: Measure,
    target: NonNullable<Kpi['target']>,
    progress: number,
    elapsed: number,
    gapPoints: number,
  ) => {
    const name = label(k);
    const formula = `${formatMeasure(value, locale)} ÷ ${formatMeasure(target.value, locale)}`;
    return {
      progress: derivedFig(formatShare(progress, locale), name, formula),
      gap: derivedFig(
        t('gap.points', { n: formatPoints(Math.abs(gapPoints), locale) }),
        name,
        `${formatShare(progress, locale)} − ${formatShare(elapsed, locale)}`,
      ),
    };
  };
  const paces = cumulativePaces(items, period).map(({ kpi: k, value, target, progress, elapsed, gapPoints }) => ({
    kpi: k,
    target,
    verdict: paceVerdict(progress, elapsed),
    /** A reported period verdict (L52's 156 %) outranks 序时进度, which is then not written at all. */
    reportedVerdict: ['periodTargetMet', 'periodTargetMissed'].includes(scheduleVerdict(k).kind),
    ...paceFigures(k, value, target, progress, elapsed, gapPoints),
  }));
  const behindItems = behindSchedule(items);
  /** Said once, in the box that opens the draft: the sections give their progress without it. */
  const inBehindBox = new Set(behindItems.map((b) => b.kpi.id));
  const behind = behindItems.flatMap(({ kpi: k, verdict }) => {
    if (verdict.kind === 'periodTargetMissed' && verdict.completion) {
      const s = sentence('behind.periodTarget', { label: label(k), completion: fig(verdict.completion, label(k)) });
      return s ? [s] : [];
    }
    const p = verdict.pace;
    if (!p) return [];
    const { progress, gap } = paceFigures(k, p.value, p.target, p.progress, p.elapsed, p.gapPoints);
    const s = sentence('behind.pace', { label: label(k), progress, gap });
    return s ? [s] : [];
  });
  const behindSection: Paragraph[] = behind.length === 0 ? [] : [paragraph([list(behind, 'join')]) ?? []];

  /* 一、总体情况 */
  const gdpShare = kpi('industry-gdp-share');
  const outputGrowth = kpi('industrial-output-growth');
  const output = kpi('industrial-output');
  const targets = items.filter((k) => k.group === 'industry' && k.sector === null && k.target);
  const overall: (Paragraph | null)[] = [
    paragraph([
      sentence('overall.gdpShare', {
        period: periodSeg,
        district: districtSeg,
        value: fig(gdpShare?.value, label(gdpShare)),
      }),
      outputGrowth?.value
        ? sentence(estimated(outputGrowth.value) ? 'overall.outputGrowthEstimate' : 'overall.outputGrowth', {
            dir: dir(outputGrowth.value),
            value: fig(outputGrowth.value, label(outputGrowth), { abs: true, change: true }),
          })
        : null,
    ]),
    paragraph([
      sentence(output?.value && estimated(output.value) ? 'overall.outputEstimate' : 'overall.output', {
        period: periodSeg,
        value: fig(output?.value, label(output)),
      }),
    ]),
    paragraph([
      sentence('overall.targets', {
        list: list(
          targets.flatMap((k) => {
            const s = sentence('overall.target', { label: label(k), value: fig(k.target?.value, label(k)) });
            return s ? [s] : [];
          }),
        ),
      }),
    ]),
  ];

  /* 二、工业: leading industries and the others, each ranked by growth */
  const sectorClause = (s: SectorFigure): Segment[] | null => {
    const name = inSentence(localized(s.label, locale));
    const outputFig = fig(s.output, name);
    const main = s.growth
      ? sentence('industry.sector', {
          sector: name,
          output: outputFig,
          dir: dir(s.growth),
          growth: fig(s.growth, name, { abs: true, change: true }),
        })
      : sentence('industry.sectorNoGrowth', { sector: name, output: outputFig });
    if (!main) {
      return s.firms ? sentence('industry.firmsOnly', { sector: name, firms: fig(s.firms, name) }) : null;
    }
    const extra = [
      s.share ? sentence('industry.share', { share: fig(s.share, name) }) : null,
      s.firms ? sentence('industry.firms', { firms: fig(s.firms, name) }) : null,
    ].filter((c): c is Segment[] => c !== null);
    return extra.reduce<Segment[]>((acc, c) => [...acc, text(locale === 'zh-CN' ? '，' : ', '), ...c], main);
  };
  const groupSentence = (group: 'leading' | 'multipoint') => {
    const items = sectors.items.filter((s) => s.group === group);
    const ranked = rankByGrowth(items.map((s) => ({ ...s, growth: s.growth?.value ?? null })));
    const order = [...ranked.map((r) => r.id), ...items.filter((s) => !s.growth).map((s) => s.id)];
    const clauses = order.flatMap((id) => {
      const s = items.find((x) => x.id === id);
      const clause = s ? sectorClause(s) : null;
      return clause ? [clause] : [];
    });
    // The report gives no period for some (L42): the draft says so in its own words, once.
    const assumed = order.flatMap((id) => {
      const s = items.find((x) => x.id === id);
      const shown = s && (s.output?.provenance.assumedPeriod || s.growth?.provenance.assumedPeriod);
      return shown && clauses.length > 0 ? [[text(inSentence(localized(s.label, locale)))]] : [];
    });
    const note =
      assumed.length > 0
        ? sentence('industry.assumedPeriod', { names: list(assumed), period: { kind: 'period', text: periodText } })
        : null;
    const listed = list(clauses, 'join');
    return paragraph([
      sentence(group === 'leading' ? 'industry.leading' : 'industry.multipoint', {
        list: listed && note ? [...listed, ...note] : listed,
      }),
    ]);
  };
  const industry = [groupSentence('leading'), groupSentence('multipoint')];

  /* 三、招商引资 */
  const signed = kpi('investment-signed');
  const arrived = kpi('investment-arrived');
  const completion = kpi('attraction-target-completion');
  const startRate = kpi('project-start-rate');
  const cityAverage = comparison(startRate, 'cityAverage');
  const paceSentence = (p: (typeof paces)[number]) =>
    p.verdict === 'exceeded' || (!p.reportedVerdict && !inBehindBox.has(p.kpi.id))
      ? sentence(p.verdict === 'exceeded' ? 'pace.item' : 'pace.reckoned', {
          label: label(p.kpi),
          target: fig(p.target.value, label(p.kpi)),
          progress: p.progress,
          verdict:
            p.verdict === 'behind' || p.verdict === 'ahead'
              ? sentence(`pace.${p.verdict}`, { gap: p.gap })
              : [text(t(`pace.${p.verdict}`))],
        })
      : // The task's own verdict is written beside its completion, a pace behind in the opening box; here,
        // only how far the year's target is reached.
        sentence('progress.item', {
          label: label(p.kpi),
          target: fig(p.target.value, label(p.kpi)),
          progress: p.progress,
        });
  const attraction = [
    paragraph([
      sentence('attraction.signed', { period: periodSeg, value: fig(signed?.value, label(signed)) }),
      arrived?.value && arrived.yoy
        ? sentence('attraction.arrived', {
            value: fig(arrived.value, label(arrived)),
            dir: dir(arrived.yoy),
            yoy: fig(arrived.yoy, label(arrived), { abs: true, change: true }),
          })
        : sentence('attraction.arrivedNoYoy', { value: fig(arrived?.value, label(arrived)) }),
      completion?.value
        ? sentence(`attraction.completion.${planVerdict(completion.value.value)}`, {
            value: fig(completion.value, label(completion)),
          })
        : null,
      cityAverage?.difference
        ? sentence('attraction.startRate', {
            value: fig(startRate?.value, label(startRate)),
            standing: t(`standing.${standingOf(cityAverage.difference.value)}` as BriefingMessageKey),
            difference: fig(cityAverage.difference, label(startRate), { abs: true }),
          })
        : sentence('attraction.startRateOnly', { value: fig(startRate?.value, label(startRate)) }),
    ]),
    paragraph([
      list(
        paces
          .filter((p) => p.kpi.group === 'attraction')
          .flatMap((p) => {
            const s = paceSentence(p);
            return s ? [s] : [];
          }),
        'join',
      ),
    ]),
  ];
  const industryPaces = paragraph([
    list(
      paces
        .filter((p) => p.kpi.group !== 'attraction')
        .flatMap((p) => {
          const s = paceSentence(p);
          return s ? [s] : [];
        }),
      'join',
    ),
  ]);

  /* 四、重点项目 */
  const plan = (k: Kpi | undefined) => {
    const pc = k?.planCompletion;
    if (!pc) return null;
    const verdict = planVerdict(pc.value);
    return sentence(`plan.${verdict}`, { plan: fig(pc, label(k)) });
  };
  const keyProjects = kpi('key-projects');
  const municipal = kpi('municipal-key-projects');
  // The municipal figure's facts: the projects Beibei leads (22), then those on the municipal list (48).
  const municipalList = municipal?.facts.filter((f) => f.value.unit === 'projects')[1]?.value;
  const byStage = STAGE_IDS.slice()
    .reverse()
    .flatMap((stage) => {
      const names = namedProjects
        .filter((p) => stageAtPeriodEnd(p, period) === stage)
        .map((p): Segment => ({ kind: 'name', text: p.name }));
      if (names.length === 0) return [];
      const s = sentence('projects.stage', {
        stage: translate(projectLabelMessages, locale, `stage.${stage}`),
        names: list(names.map((n) => [n])),
      });
      return s ? [s] : [];
    });
  const projects = [
    paragraph([
      sentence('projects.key', {
        period: periodSeg,
        count: fig(factOf(keyProjects, 'projects'), label(keyProjects)),
        value: fig(keyProjects?.value, label(keyProjects)),
        plan: plan(keyProjects),
      }),
      sentence('projects.municipal', {
        district: districtSeg,
        count: fig(factOf(municipal, 'projects'), label(municipal)),
        value: fig(municipal?.value, label(municipal)),
        plan: plan(municipal),
      }),
      sentence('projects.list', { count: fig(municipalList, label(municipal)) }),
    ]),
    // Names are listed by their stage at the end of the period, where the data says what it was.
    byStage.length > 0 ? paragraph([sentence('projects.named', { list: list(byStage, 'join') })]) : null,
  ];

  /* 五、民营经济 */
  const entities = kpi('private-entities');
  const privateOutput = kpi('private-industrial-output-growth');
  const vsDistrict = comparison(privateOutput, 'district');
  const contribution = comparison(privateOutput, 'contribution');
  const support = kpi('private-support');
  const giants = kpi('little-giants');
  const srdi = kpi('municipal-srdi-firms');
  const loans = kpi('tech-firm-loans');
  const rd = kpi('rd-institutions');
  const privateEconomy = [
    paragraph([
      entities?.value && entities.yoy
        ? sentence('private.entities', {
            period: periodSeg,
            value: fig(entities.value, label(entities)),
            dir: dir(entities.yoy),
            yoy: fig(entities.yoy, label(entities), { abs: true, change: true }),
          })
        : sentence('private.entitiesNoYoy', { period: periodSeg, value: fig(entities?.value, label(entities)) }),
      sentence('private.new', { value: fig(factOf(entities, 'entities'), label(entities)) }),
    ]),
    paragraph([
      privateOutput?.value && vsDistrict?.difference
        ? sentence('private.output', {
            dir: dir(privateOutput.value),
            value: fig(privateOutput.value, label(privateOutput), { abs: true, change: true }),
            standing: t(`standing.${standingOf(vsDistrict.difference.value)}` as BriefingMessageKey),
            difference: fig(vsDistrict.difference, label(privateOutput), { abs: true }),
          })
        : null,
      contribution?.difference
        ? sentence('private.contribution', { value: fig(contribution.difference, label(privateOutput)) })
        : null,
    ]),
    paragraph([
      sentence('private.support', { value: fig(support?.value, label(support)) }),
      ...(support?.facts ?? []).map((f) =>
        sentence('private.fact', {
          label: localized(f.label, locale),
          value: fig(f.value, localized(f.label, locale)),
        }),
      ),
    ]),
    paragraph([
      sentence('sme.giants', { value: fig(giants?.value, label(giants)) }),
      sentence('sme.municipal', { value: fig(srdi?.value, label(srdi)) }),
      sentence('sme.new', { value: fig(factOf(srdi, 'firms'), label(srdi)) }),
      // L102: the rank is the newly recognised firms' (79), not the 242's.
      sentence('sme.rank', { value: fig(factOf(srdi, 'rank'), label(srdi)) }),
    ]),
    paragraph([
      sentence('sme.rdMunicipal', { value: fig(rd?.value, label(rd)) }),
      sentence('sme.rdDistrict', { value: fig(factOf(rd, 'firms'), label(rd)) }),
      sentence('sme.loans', { value: fig(loans?.value, label(loans)) }),
    ]),
  ];

  const drafts: { id: SectionId; paragraphs: (Paragraph | null)[] }[] = [
    { id: 'behind', paragraphs: behindSection },
    { id: 'overall', paragraphs: [...overall, industryPaces] },
    { id: 'industry', paragraphs: industry },
    { id: 'attraction', paragraphs: attraction },
    { id: 'projects', paragraphs: projects },
    { id: 'private', paragraphs: privateEconomy },
  ];
  let numbered = 0;
  const sections: Section[] = drafts.flatMap(({ id, paragraphs }) => {
    const kept = paragraphs.filter((p): p is Paragraph => p !== null && p.length > 0);
    if (kept.length === 0) return [];
    const heading =
      id === 'behind'
        ? t('section.behind')
        : t('section.numbered', { n: numeral(++numbered, locale), heading: t(`section.${id}`) });
    return [{ id, heading, paragraphs: kept }];
  });

  return {
    locale,
    title: t('doc.title', { district }) + t(asOf ? 'doc.periodAsOf' : 'doc.period', { period: periodText }),
    period,
    periodText,
    asOf: t('doc.asOf', { date: asOfText }),
    sections,
    source: t('doc.source', { source: localized(meta.source.title, locale), district }),
    sample: meta.sample ? translate(sampleMessages, locale, 'sample.label') : null,
  };
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Section numbers as an office writes them: 一、二、三 in Chinese, 1. 2. 3. in English. */
const numeral = (n: number, locale: Locale) =>
  locale === 'zh-CN' ? (CHINESE_NUMERALS[n - 1] ?? String(n)) : String(n);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
