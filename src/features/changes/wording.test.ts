import { describe, expect, it } from 'vitest';
import { fieldName, noteText, summaryFields } from './wording';

describe('the sheets’ words for a reader', () => {
  it('splits a whole row into its fields, each value with its unit, the 单位 column’s going to 数值', () => {
    expect(summaryFields('产值(亿元) 65.02；增速(%) 11.1；企业数(家) 53')).toEqual([
      { field: '产值(亿元)', value: '65.02', unit: '亿元' },
      { field: '增速(%)', value: '11.1', unit: '%' },
      { field: '企业数(家)', value: '53', unit: '家' },
    ]);
    expect(summaryFields('数值 205.6；单位 亿元；同比增速(%) 38.5')).toEqual([
      { field: '数值', value: '205.6', unit: '亿元' },
      { field: '同比增速(%)', value: '38.5', unit: '%' },
    ]);
    expect(summaryFields('颜色(浅色) #1f77b4；项目简介 一个 有空格的 简介')).toEqual([
      { field: '颜色(浅色)', value: '#1f77b4', unit: null },
      { field: '项目简介', value: '一个 有空格的 简介', unit: null },
    ]);
  });

  it('names a column without the unit its values carry, in English from its header', () => {
    expect(fieldName('同比增速(%)', 'zh-CN')).toBe('同比增速');
    expect(fieldName('颜色(浅色)', 'zh-CN')).toBe('颜色(浅色)');
    expect(fieldName('同比增速(%)', 'en')).toBe('Year-on-year growth');
    expect(fieldName('颜色(浅色)', 'en')).toBe('Colour (light theme)');
    expect(fieldName('新的列', 'en')).toBe('新的列');
  });

  it('says the data service’s notes in Chinese, and leaves any other note as written', () => {
    expect(noteText('Imported: 3 added, 1 changed, 0 removed; 2 warnings accepted', 'zh-CN')).toEqual({
      text: '导入：新增 3 项，修改 1 项，删除 0 项（已确认 2 条提示）',
      lang: 'zh-CN',
    });
    expect(noteText('Content of version 2, published again', 'zh-CN').text).toBe('重新发布第 2 版的内容');
    expect(noteText('Content of version 2, published again', 'en')).toEqual({
      text: 'Content of version 2, published again',
      lang: 'en',
    });
    expect(noteText('Something else', 'zh-CN')).toEqual({ text: 'Something else', lang: 'en' });
  });
});
