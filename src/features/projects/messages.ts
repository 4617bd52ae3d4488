import { defineCatalog } from '../../lib/i18n';

export const projectMessages = defineCatalog(
  {
    'page.title': '重大项目',
    'what.projects': '项目数据',
    total: '共 {n} 个项目',
    'detail.notFound': '没有找到这个项目',
    'detail.back': '返回项目列表',
  },
  {
    'page.title': 'Major projects',
    'what.projects': 'project data',
    total: '{n} projects',
    'detail.notFound': 'Project not found',
    'detail.back': 'Back to the project list',
  },
);
