import { describe, expect, it } from 'vitest';
import { H1, pct } from '../../../domain/briefing.fixtures';
import { reported } from '../../../../tests/factories';
import { paragraphsOf, writeSection, writerFor } from '../writer.fixtures';
import { projectsSection } from './projects';
import type { ProjectFigures } from './projects';

const report: ProjectFigures = { keyProjects: H1.keyProjects, municipal: H1.municipal, byStage: [] };
const write = writeSection(projectsSection, report);

describe('projectsSection', () => {
  it('writes L56–L58: the key projects’ and the municipal ones’ investment against the period’s plan', () => {
    expect(write()).toEqual([
      '2023年上半年，198个重点建设项目完成投资139.73亿元，完成当期投资计划的119.8%，超额完成当期计划，' +
        '北碚区牵头的22个市级重点建设项目完成投资19.23亿元，完成当期投资计划的139.2%，超额完成当期计划，48个项目纳入市级重点项目清单。',
    ]);
    expect(write({}, 'en')).toEqual([
      'In H1 2023, the key construction projects (198 projects) completed investment of ¥13.97B, 119.8% of the period’s plan, above plan, ' +
        'the municipal key projects led by Beibei District (22 projects) completed ¥1.92B, 139.2% of the period’s plan, above plan, ' +
        '48 projects are on the municipal key list.',
    ]);
  });

  it('words a plan met at 100 % and short below', () => {
    const keyProjects = { ...H1.keyProjects, planCompletion: pct(100, 3, reported('L56')) };
    const municipal = { ...H1.municipal, planCompletion: pct(87.5, 3, reported('L58')) };
    const [text] = write({ keyProjects, municipal });
    expect(text).toContain('完成投资139.73亿元，完成当期投资计划，北碚区');
    expect(text).toContain('完成投资19.23亿元，完成当期投资计划的87.5%，48个');
  });

  it('leaves out a sentence whose figure is missing, and the municipal list without its own figure', () => {
    const municipal = { ...H1.municipal, facts: H1.municipal.facts.slice(0, 1) };
    expect(write({ keyProjects: { ...H1.keyProjects, value: null }, municipal })).toEqual([
      '北碚区牵头的22个市级重点建设项目完成投资19.23亿元，完成当期投资计划的139.2%，超额完成当期计划。',
    ]);
  });

  it('names the projects under their stage, each as a name', () => {
    const byStage = [
      { stage: 'construction' as const, projects: [{ name: '渝武高速公路复线' }, { name: '渝西高铁北碚段' }] },
      { stage: 'negotiating' as const, projects: [{ name: '智点汽车' }] },
    ];
    const [, named] = projectsSection({ ...report, byStage }, writerFor('zh-CN'));
    expect(paragraphsOf([named!])).toEqual([
      '报告提及的项目中，在建：渝武高速公路复线、渝西高铁北碚段；在谈：智点汽车。',
    ]);
    expect(named!.filter((s) => s.kind === 'name').map((s) => s.text)).toEqual([
      '渝武高速公路复线',
      '渝西高铁北碚段',
      '智点汽车',
    ]);
  });

  it('writes nothing without its figures', () => {
    expect(write({ keyProjects: undefined, municipal: undefined })).toEqual([]);
  });
});
