import { defineCatalog } from '../lib/i18n';

/** Words of the chart frame (title line, view toggle, downloads); kept apart from componentMessages. */
export const chartMessages = defineCatalog(
  {
    'meta.unit': '单位：{unit}',
    'meta.period': '时期：{period}',
    'meta.sep': ' · ',
    'view.label': '显示方式',
    'view.chart': '图表',
    'view.table': '表格',
    'download.label': '下载',
    'download.csv': '下载 CSV',
    'download.png': '下载 PNG 图片',
    /** The visible words first, so the name contains what is seen (WCAG 2.5.3, label in name). */
    'download.csvLabel': '下载 CSV：{title}',
    'download.pngLabel': '下载 PNG 图片：{title}',
    'download.pngFailed': '图片生成失败，请改用表格或 CSV。',
    'table.caption': '{title}（{period}）',
    'legend.label': '图例',
    loading: '正在加载图表…',
  },
  {
    'meta.unit': 'Unit: {unit}',
    'meta.period': 'Period: {period}',
    'meta.sep': ' · ',
    'view.label': 'Show as',
    'view.chart': 'Chart',
    'view.table': 'Table',
    'download.label': 'Download',
    'download.csv': 'Download CSV',
    'download.png': 'Download PNG image',
    'download.csvLabel': 'Download CSV: {title}',
    'download.pngLabel': 'Download PNG image: {title}',
    'download.pngFailed': 'The image could not be made; use the table or the CSV instead.',
    'table.caption': '{title} ({period})',
    'legend.label': 'Legend',
    loading: 'Loading chart…',
  },
);
