/**
 * The projects the report names, written out here from the report's own wording (not from the
 * fixtures): each one's stage and line, checked against the report's text, then against what the
 * API serves by default (the 23 projects and nothing assumed); and the sample dataset's 198
 * projects' money against what the report says of it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { server } from '../mocks/node';
import { scenarioHandlers } from '../mocks/scenarios';
import { apiGet } from '../src/api/client';
import type { StageId } from '../src/api/common';
import { fieldProvenanceOf, PROJECT_FIELDS, ProjectDetailSchema, ProjectPageSchema } from '../src/api/projects';
import type { Project, ProjectDetail } from '../src/api/projects';

const REPORT = readFileSync(resolve(process.cwd(), 'data/report-2023-08-26.txt'), 'utf8').split('\n');
/** Lines `from`–`to` of the report, joined (a sentence may run over a line break). */
const lines = (from: number, to = from) => REPORT.slice(from - 1, to).join('');

interface Named {
  /** The project as the report names it. */
  name: string;
  stage: StageId;
  /** The report's words that give the stage. */
  words: string;
  line: [number, number] | number;
}

/** The 23 projects the report names, in its order. */
const NAMED: Named[] = [
  { name: '广州中医药大学第一附属医院重庆医院', stage: 'construction', words: '一期举行开工仪式', line: 12 },
  { name: '渝武高速公路复线', stage: 'construction', words: '架桥已全部完成', line: 48 },
  { name: '康宁玻璃二期', stage: 'construction', words: '推进康宁玻璃二期等25个制造业重点项目建设', line: 44 },
  { name: '环缙云山生态建设及生态产业化项目', stage: 'construction', words: '纳入市级重点项目清单', line: [56, 58] },
  { name: '渝西高铁北碚段', stage: 'construction', words: '等项目正加快推进', line: 60 },
  { name: '渝武高速拓宽改造北碚段', stage: 'construction', words: '等项目正加快推进', line: 60 },
  { name: '中国电子西部创新基地', stage: 'construction', words: '等项目正加快推进', line: 60 },
  { name: '北碚组团128-2/05地块租赁住房', stage: 'construction', words: '等项目正加快推进', line: 60 },
  { name: '宝山嘉陵江大桥', stage: 'construction', words: '等项目已开工', line: 60 },
  { name: '椿萱大道(蔡家L、R分区段)', stage: 'construction', words: '等项目已开工', line: 60 },
  { name: '中南高科·北碚科技智慧港', stage: 'construction', words: '等项目已开工', line: 60 },
  { name: 'A26地块小学', stage: 'construction', words: '等项目已开工', line: 60 },
  { name: '宝山大桥西延段', stage: 'preliminary', words: '等项目正按计划推进前期工作', line: 60 },
  { name: '璧山七塘至北碚澄江至合川草街高速公路', stage: 'preliminary', words: '等项目正按计划推进前期工作', line: 60 },
  { name: '东阳国际陆港物流园', stage: 'preliminary', words: '等项目正按计划推进前期工作', line: 60 },
  { name: '重庆市第十三人民医院新院区', stage: 'preliminary', words: '等项目正按计划推进前期工作', line: 60 },
  { name: '东阳光片区城市更新', stage: 'negotiating', words: '等在谈重点项目', line: 64 },
  { name: '低轨导航增强星座建设', stage: 'negotiating', words: '等在谈重点项目', line: 64 },
  { name: '智点汽车', stage: 'negotiating', words: '等在谈重点项目', line: 64 },
  { name: '华雄·西部农科谷', stage: 'signed', words: '等签约项目早开工', line: 64 },
  { name: '喜尔康智能卫浴研发制造基地及结算中心', stage: 'signed', words: '等签约项目早开工', line: 64 },
  { name: '西部(重庆)资源供应链管理平台', stage: 'signed', words: '等签约项目早开工', line: 64 },
  { name: '薄膜铂热敏芯片国产化扩产项目', stage: 'construction', words: '建起工业化规模化生产线', line: 70 },
];

const lineRange = (line: Named['line']): [number, number] => (Array.isArray(line) ? line : [line, line]);
const sourceOf = (line: Named['line']) => {
  const [from, to] = lineRange(line);
  return from === to ? `L${from}` : `L${from}-L${to}`;
};

let all: Project[] = [];
let sample: Project[] = [];
const detail = (p: Project) => apiGet(`/projects/${p.id}`, ProjectDetailSchema);
const findIn = (list: Project[], name: string) => {
  const found = list.filter((p) => p.name.includes(name));
  expect(found, name).toHaveLength(1);
  return found[0] as Project;
};
const byName = (name: string) => findIn(all, name);
const listAll = async () => (await apiGet('/projects', ProjectPageSchema, { params: { pageSize: 500 } })).items;

beforeAll(async () => {
  all = await listAll();
  server.use(...scenarioHandlers('demo'));
  sample = await listAll();
  server.resetHandlers();
});

describe('the 23 projects the report names', () => {
  it('are 23, and the report says what this list says of each at the line given', () => {
    expect(NAMED).toHaveLength(23);
    for (const n of NAMED) {
      const text = lines(...lineRange(n.line));
      expect(text, n.name).toContain(n.name);
      expect(text, n.name).toContain(n.words);
    }
  });

  it('are served with that stage, marked reported with that line, and no other project is served', () => {
    expect(all).toHaveLength(23);
    for (const n of NAMED) {
      const p = byName(n.name);
      expect({ name: n.name, stage: p.stage, provenance: p.provenance }).toEqual({
        name: n.name,
        stage: n.stage,
        provenance: { kind: 'reported', source: sourceOf(n.line) },
      });
    }
    expect(all.filter((p) => p.provenance.kind === 'reported')).toHaveLength(NAMED.length);
  });

  it('are served with an English name and description beside the Chinese, places named in pinyin', () => {
    const PINYIN: Record<string, string> = {
      北碚: 'Beibei',
      蔡家: 'Caijia',
      罗家湾: 'Luojiawan',
      缙云山: 'Jinyun Mountain',
      嘉陵江: 'Jialing River',
      宝山: 'Baoshan',
      渝武: 'Yuwu',
      施家梁: 'Shijialiang',
      东阳: 'Dongyang',
      水土: 'Shuitu',
      斯太宝: 'Sitaibao',
    };
    for (const p of all) {
      const english = `${p.nameEn ?? ''} ${p.descriptionEn ?? ''}`;
      expect(p.nameEn, p.name).toBeTruthy();
      expect(p.descriptionEn, p.name).toBeTruthy();
      expect(english, p.name).not.toMatch(/\p{Script=Han}/u);
      for (const [zh, en] of Object.entries(PINYIN)) {
        if (`${p.name}${p.description}`.includes(zh)) expect(english, `${p.name}: ${zh}`).toContain(en);
      }
    }
    expect(byName('宝山嘉陵江大桥').nameEn).toBe('Baoshan Jialing River Bridge');
  });

  it('have a level only where the report gives it: 环缙云山… on the municipal list (L56–L58)', () => {
    for (const p of all) {
      if (p.name === '环缙云山生态建设及生态产业化项目') {
        expect(p.level).toBe('municipal');
        expect(fieldProvenanceOf(p, 'level')).toEqual({ kind: 'reported', source: 'L56-L58' });
      } else {
        expect(p.level, p.name).toBeNull();
      }
    }
  });

  it('have no money and no date the report does not give', () => {
    for (const p of all) {
      expect([p.planned, p.completed, p.investmentPeriod], p.name).toEqual([null, null, null]);
      if (!p.name.includes('薄膜铂热敏芯片')) expect(p.totalInvestment, p.name).toBeNull();
      if (!p.name.includes('广州中医药大学')) expect(p.start, p.name).toBeNull();
      if (!p.name.includes('渝武高速公路复线')) expect(p.expectedCompletion, p.name).toBeNull();
    }
  });

  it('in the sample, mark every attribute the report does not give as illustrative, and cite the line of each it gives', () => {
    const given: Record<string, Partial<Record<(typeof PROJECT_FIELDS)[number], string>>> = {
      广州中医药大学第一附属医院重庆医院: { start: 'L12' },
      渝武高速公路复线: { expectedCompletion: 'L48' },
      康宁玻璃二期: { type: 'L44' },
      环缙云山生态建设及生态产业化项目: { level: 'L56-L58' },
    };
    for (const n of NAMED) {
      const p = findIn(sample, n.name);
      const reportedFields = Object.entries(given).find(([name]) => n.name.includes(name))?.[1] ?? {};
      for (const field of PROJECT_FIELDS) {
        const provenance = fieldProvenanceOf(p, field);
        if (field === 'stage' || field === 'name' || field === 'description')
          expect(provenance.kind, n.name).not.toBe('illustrative');
        else if (reportedFields[field])
          expect(provenance, `${n.name} ${field}`).toEqual({ kind: 'reported', source: reportedFields[field] });
        else expect(provenance.kind, `${n.name} ${field}`).toBe('illustrative');
      }
    }
  });
});

/** What the report says of a project's money; a project not listed has no reported amount. Checked in the sample. */
const MONEY: Record<string, (p: ProjectDetail) => void> = {
  // L70: "获得市场投资近亿元，首期投资3000万元，建起工业化规模化生产线".
  薄膜铂热敏芯片国产化扩产项目: (p) => {
    expect(p.totalInvestment).toMatchObject({ value: 1e8, unit: 'cny', qualifier: 'nearly' });
    expect(p.totalInvestment?.provenance).toEqual({ kind: 'reported', source: 'L70' });
    // The half-year's money belongs to the first phase, which built the line.
    expect(p.planned?.value).toBeLessThanOrEqual(3000e4);
    expect(p.completed?.value).toBeLessThanOrEqual(3000e4);
  },
  // L12: phase 1 broke ground on 26 August, so nothing of it was planned or built in H1.
  广州中医药大学第一附属医院重庆医院: (p) => {
    expect(p.investmentPeriod).toBe('2023H1');
    expect(p.planned?.value).toBe(0);
    expect(p.completed?.value).toBe(0);
  },
};

describe('the sample’s project money', () => {
  it('agrees with what the report says of each named project', async () => {
    server.use(...scenarioHandlers('demo'));
    for (const [name, check] of Object.entries(MONEY)) check(await detail(findIn(sample, name)));
  });

  it('is marked illustrative wherever the report gives no amount', () => {
    expect(sample).toHaveLength(198);
    for (const p of sample) {
      expect(p.planned?.provenance.kind, p.name).toBe('illustrative');
      expect(p.completed?.provenance.kind, p.name).toBe('illustrative');
      const reportedTotal = Object.keys(MONEY).some((name) => p.name.includes(name)) && p.totalInvestment;
      if (p.totalInvestment && !reportedTotal) expect(p.totalInvestment.provenance.kind, p.name).toBe('illustrative');
    }
  });

  it('never has a half-year larger than the whole project', () => {
    for (const p of sample) {
      if (!p.totalInvestment) continue;
      expect(p.completed?.value, p.name).toBeLessThanOrEqual(p.totalInvestment.value);
      expect(p.planned?.value, p.name).toBeLessThanOrEqual(p.totalInvestment.value);
    }
  });

  it('adds up to the report’s totals: 198 projects, 139.73亿元 at 119.8 %; the 22 led by Beibei, 19.23亿元 at 139.2 %; 25 in manufacturing', () => {
    const sum = (ps: Project[], key: 'planned' | 'completed') => ps.reduce((a, p) => a + (p[key]?.value ?? 0), 0);
    expect(sum(sample, 'completed')).toBe(139.73e8);
    expect(Math.round((sum(sample, 'completed') / sum(sample, 'planned')) * 1000) / 10).toBe(119.8);
    const municipal = sample.filter((p) => p.level === 'municipal');
    expect(municipal).toHaveLength(22);
    expect(sum(municipal, 'completed')).toBe(19.23e8);
    expect(Math.round((sum(municipal, 'completed') / sum(municipal, 'planned')) * 1000) / 10).toBe(139.2);
    // L44: "推进康宁玻璃二期等25个制造业重点项目建设".
    expect(sample.filter((p) => p.type === 'manufacturing')).toHaveLength(25);
  });
});
