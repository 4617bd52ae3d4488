import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { StageId } from '../../../api/common';
import { projectPage, sampleApi } from '../../../../tests/fixtures';
import { renderWithData } from '../../../../tests/render';
import { StageFunnel } from './StageFunnel';

const STAGES = [
  ['在谈', 'negotiating'],
  ['已签约', 'signed'],
  ['前期', 'preliminary'],
  ['在建', 'construction'],
  ['建成', 'completed'],
] as const;

/** The sample's pipeline (the mock API serves the sample, so its counts are marked illustrative). */
function renderFunnel(active: StageId | undefined, path = '/projects') {
  const onSelect = vi.fn<(stage: StageId | null) => void>();
  const { stageTotals } = projectPage('sample');
  const rendered = renderWithData(<StageFunnel totals={stageTotals} active={active} onSelect={onSelect} />, path, {
    handlers: sampleApi(),
  });
  return { ...rendered, onSelect, stageTotals };
}

const stageButton = (stage: string) => screen.getByRole('button', { name: new RegExp(`^${stage} \\d+ 个 计划 `) });

describe('StageFunnel', () => {
  it('lists every stage with its count and money, each a toggle that filters by its stage', async () => {
    const { user, onSelect, stageTotals } = renderFunnel(undefined);
    for (const [label, id] of STAGES) {
      const count = stageTotals.find((s) => s.stage === id)?.count;
      // The name is what the button shows: stage, count, planned and completed money.
      expect(stageButton(label)).toHaveAccessibleName(new RegExp(`^${label} ${count} 个 计划 .+元 完成 .+元$`));
      expect(stageButton(label)).toHaveAttribute('aria-pressed', 'false');
    }
    await user.click(stageButton('前期'));
    expect(onSelect).toHaveBeenLastCalledWith('preliminary');
  });

  it('shows the chosen stage pressed, the others still there to switch to, and clicks it off again', async () => {
    const { user, onSelect } = renderFunnel('preliminary');
    expect(stageButton('前期')).toHaveAttribute('aria-pressed', 'true');
    expect(stageButton('在建')).toHaveAttribute('aria-pressed', 'false');
    await user.click(stageButton('前期'));
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it('marks the counts illustrative where they are shown: only the named projects’ stages are reported', async () => {
    renderFunnel(undefined);
    const funnel = screen.getByRole('region', { name: '项目推进阶段' });
    expect(
      await within(funnel).findByText(/各阶段的项目数和金额为示意：报告只给出它点名的项目的阶段/),
    ).toBeInTheDocument();
    expect(within(funnel).getByRole('button', { name: '数据来源：示意数据' })).toBeInTheDocument();
  });

  it('speaks English with the English stage names', () => {
    renderFunnel(undefined, '/projects?lang=en');
    for (const stage of ['Negotiating', 'Signed', 'Preliminary', 'Under construction', 'Completed']) {
      expect(screen.getByRole('button', { name: new RegExp(`^${stage} \\d+ Planned ¥`) })).toBeInTheDocument();
    }
  });
});
