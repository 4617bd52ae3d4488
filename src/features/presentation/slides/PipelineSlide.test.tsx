import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { kpi, measure } from '../../../../tests/factories';
import { STAGE_IDS } from '../../../api/common';
import type { Kpi } from '../../../api/kpis';
import type { StageTotal } from '../../../api/projects';
import { translate } from '../../../lib/i18n';
import { presentationMessages } from '../messages';
import type { PresentationKey } from '../messages';
import type { Counted } from '../wallProjects';
import { PipelineSlide } from './PipelineSlide';

const t = (key: PresentationKey, vars?: Record<string, string | number>) =>
  translate(presentationMessages, 'zh-CN', key, vars);

/** Stages of `count` projects each, their completed investment together `completed` yuan. */
const stages = (count: number, completed: number): StageTotal[] =>
  STAGE_IDS.map((stage) => ({
    stage,
    count,
    withMoney: count,
    planned: completed / STAGE_IDS.length,
    completed: completed / STAGE_IDS.length,
  }));

/** The reported 139.73亿元 of key-project investment completed (L56). */
const keyProjects = kpi('key-projects', {
  group: 'projects',
  value: measure(13_973e6, 'cny', { kind: 'reported', source: 'L56' }),
});

function renderSlide(stageTotals: StageTotal[], counted: Counted, key: Kpi | null = keyProjects) {
  render(<PipelineSlide stageTotals={stageTotals} counted={counted} keyProjects={key} locale="zh-CN" t={t} />, {
    wrapper: MemoryRouter,
  });
  return screen.getByRole('region', { name: '各阶段项目数' });
}

describe('what the stage totals of the wall screen say they count', () => {
  it('says the illustrative amounts add up to the reported total where they do', () => {
    const panel = renderSlide(stages(40, 13_973e6), 'illustrative');
    expect(panel).toHaveTextContent('各阶段项目数和投资额为示意数据');
    expect(panel).toHaveTextContent('投资合计与报告一致');
  });

  it('does not say so of a longer list’s amounts, nor of a sector’s', () => {
    const longer = renderSlide(stages(2_000, 558_542e6), 'illustrative');
    expect(longer).toHaveTextContent('各阶段项目数和投资额为示意数据');
    expect(longer).not.toHaveTextContent('投资合计与报告一致');
    cleanup();
    expect(renderSlide(stages(4, 2e9), 'illustrative', null)).not.toHaveTextContent('投资合计与报告一致');
  });

  it('says when it counts only the projects the report names, and nothing of an office’s own list', () => {
    expect(renderSlide(stages(5, 0), 'named')).toHaveTextContent('按报告点名的项目统计');
    cleanup();
    const list = renderSlide(stages(400, 0), 'list');
    expect(list).not.toHaveTextContent('按报告点名的项目统计');
    expect(list).not.toHaveTextContent('示意');
  });
});
