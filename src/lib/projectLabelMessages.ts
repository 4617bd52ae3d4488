import { PROJECT_LABELS_EN, PROJECT_LABELS_ZH } from '../shared/projectLabels';
import { defineCatalog } from './i18n';
import type { CatalogKey } from './i18n';

/**
 * Names of the project contract's identifiers (stage, level, type of project), one wording for the
 * tracker and the wall screen.
 */
export const projectLabelMessages = defineCatalog(PROJECT_LABELS_ZH, PROJECT_LABELS_EN);

export type ProjectLabelKey = CatalogKey<typeof projectLabelMessages>;
