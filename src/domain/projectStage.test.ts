import { describe, expect, it } from 'vitest';
import type { Project } from '../api/projects';
import { stageAtPeriodEnd } from './projectStage';

type Dated = Pick<Project, 'stage' | 'start' | 'datePrecision' | 'lastUpdate'>;
const asOfReport = (p: Omit<Dated, 'lastUpdate'>): Dated => ({ ...p, lastUpdate: '2023-08-26' });
const hospital = asOfReport({ stage: 'construction', start: '2023-08-26' });

describe('stageAtPeriodEnd', () => {
  it('does not call the hospital 在建 at the end of June or July: it broke ground on 26 August (L12)', () => {
    expect(stageAtPeriodEnd(hospital, '2023H1')).toBe('notStarted');
    expect(stageAtPeriodEnd(hospital, '2023M07')).toBe('notStarted');
  });

  it('calls it 在建 on the day it broke ground', () => {
    expect(stageAtPeriodEnd(hospital, '2023D0826')).toBe('construction');
  });

  it('keeps the stage the report gives for its year up to its date when nothing dates it', () => {
    const bridge = asOfReport({ stage: 'construction', start: null });
    expect(stageAtPeriodEnd(bridge, '2023H1')).toBe('construction');
    expect(stageAtPeriodEnd(asOfReport({ stage: 'preliminary', start: null }), '2023M07')).toBe('preliminary');
  });

  it('does not say what a stage was in an earlier year, or will be after the report', () => {
    const bridge = asOfReport({ stage: 'construction', start: null });
    expect(stageAtPeriodEnd(bridge, '2022')).toBeNull();
    expect(stageAtPeriodEnd(bridge, '2023')).toBeNull();
  });

  it('reads a start known to the month as its earliest day, and one "on or shortly before" a date as no proof', () => {
    const august = asOfReport({ stage: 'construction', start: '2023-08-01', datePrecision: { start: 'month' } });
    expect(stageAtPeriodEnd(august, '2023M07')).toBe('notStarted');
    const recently = asOfReport({ stage: 'construction', start: '2023-08-26', datePrecision: { start: 'before' } });
    expect(stageAtPeriodEnd(recently, '2023H1')).toBe('construction');
  });
});
