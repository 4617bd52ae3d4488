import type { StageId } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import { planVerdict } from '../../../domain/briefing';
import { factOf } from '../../../domain/briefingSections';
import { translate } from '../../../lib/i18n';
import { projectLabelMessages } from '../../../lib/projectLabelMessages';
import { isPresent } from '../writer';
import type { BriefingWriter, Paragraph, Segment } from '../writer';

export interface ProjectFigures {
  keyProjects: Kpi | undefined;
  /** The municipal key projects Beibei leads; its facts: those projects (22), then those on the municipal list (48). */
  municipal: Kpi | undefined;
  /** The projects the report names, by their stage at the end of the period (`projectsByStage`). */
  byStage: readonly { stage: StageId; projects: readonly { name: string }[] }[];
}

/**
 * 重点项目: the key projects' and the municipal ones' investment against the period's plan, and the
 * projects the report names, listed under their stage at the end of the period.
 */
export function projectsSection(
  { keyProjects, municipal, byStage }: ProjectFigures,
  w: BriefingWriter,
): (Paragraph | null)[] {
  const plan = (k: Kpi | undefined) =>
    k?.planCompletion
      ? w.sentence(`plan.${planVerdict(k.planCompletion.value)}`, { plan: w.figure(k.planCompletion, w.label(k)) })
      : null;
  const projectCount = (k: Kpi | undefined) => w.figure(factOf(k, 'projects'), w.label(k));
  const onMunicipalList = municipal?.facts.filter((f) => f.value.unit === 'projects')[1]?.value;
  const stages = byStage.map(({ stage, projects }) =>
    w.sentence('projects.stage', {
      stage: translate(projectLabelMessages, w.locale, `stage.${stage}`),
      names: w.list(projects.map((p): Segment[] => [{ kind: 'name', text: p.name }])),
    }),
  );
  return [
    w.paragraph([
      w.figureSentence('projects.key', keyProjects, keyProjects?.value, {
        period: w.opener,
        count: projectCount(keyProjects),
        plan: plan(keyProjects),
      }),
      w.figureSentence('projects.municipal', municipal, municipal?.value, {
        district: w.district,
        count: projectCount(municipal),
        plan: plan(municipal),
      }),
      w.sentence('projects.list', { count: w.figure(onMunicipalList, w.label(municipal)) }),
    ]),
    w.paragraph([w.sentence('projects.named', { list: w.list(stages.filter(isPresent), 'join') })]),
  ];
}
