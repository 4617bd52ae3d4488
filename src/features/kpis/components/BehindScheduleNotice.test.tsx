import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { H1, pct } from '../../../domain/briefing.fixtures';
import { reported } from '../../../../tests/factories';
import { atAddress } from '../../../../tests/render';
import { BehindScheduleNotice } from './BehindScheduleNotice';

/** Investment signed and arrived without the task's verdict (L52), and key projects short of their period's plan. */
const items = [
  { ...H1.signed, periodTarget: null },
  { ...H1.arrived, periodTarget: null },
  { ...H1.keyProjects, planCompletion: pct(87.5, 3, reported('L56')) },
];

describe('the overview’s note of what is behind schedule', () => {
  it('names each figure behind, the furthest first, by its period target or by 序时进度, as the tiles word them', () => {
    render(<BehindScheduleNotice items={items} />, { wrapper: atAddress('/') });
    const note = screen.getByRole('note', { name: '进度滞后：' });
    expect(note).toHaveTextContent(
      '进度滞后：重点建设项目完成投资（完成当期目标任务的87.5%）、签约资金（慢于序时进度4.6个百分点）、到位资金（慢于序时进度2.9个百分点）',
    );
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '#kpi-key-projects',
      '#kpi-investment-signed',
      '#kpi-investment-arrived',
    ]);
  });

  it('in English', () => {
    render(<BehindScheduleNotice items={items} />, { wrapper: atAddress('/?lang=en') });
    expect(screen.getByRole('note', { name: 'Behind schedule:' })).toHaveTextContent(
      'Behind schedule: Key construction projects: investment completed (87.5% of the period’s target), Investment signed (4.6 pp behind linear pace), Investment arrived (2.9 pp behind linear pace)',
    );
  });

  it('is not there when nothing is behind', () => {
    const { container } = render(<BehindScheduleNotice items={[H1.signed, H1.arrived]} />, { wrapper: atAddress('/') });
    expect(container).toBeEmptyDOMElement();
  });
});
