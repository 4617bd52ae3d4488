import { defineCatalog } from '../../lib/i18n';

export const sectorMessages = defineCatalog(
  {
    'page.title': '产业结构',
    'what.sectors': '产业数据',
    notReported: '未公布',
    'detail.notFound': '没有这个产业',
    'detail.back': '返回产业总览',
  },
  {
    'page.title': 'Sectors',
    'what.sectors': 'sector figures',
    notReported: 'not reported',
    'detail.notFound': 'No such sector',
    'detail.back': 'Back to sectors',
  },
);
