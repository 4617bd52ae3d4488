import { defineCatalog } from '../../lib/i18n';

/** The admin area's one word outside it: the footer link that leads there. */
export const adminFooterMessages = defineCatalog({ 'footer.admin': '数据管理' }, { 'footer.admin': 'Data admin' });
