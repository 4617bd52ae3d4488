import { useId } from 'react';
import { PROJECT_SORT_FIELDS } from '../../../api/projects';
import type { ProjectSort } from '../../../api/projects';
import { useT } from '../../../stores/prefs';
import { projectMessages } from '../messages';

interface SortSelectProps {
  sort: ProjectSort | undefined;
  onSort: (sort: ProjectSort | null) => void;
}

/** The order of the list as one choice, where no column headers offer it (the rows laid out as cards). */
export function SortSelect({ sort, onSort }: SortSelectProps) {
  const t = useT(projectMessages);
  const id = useId();
  return (
    // Shown instead of the column headers, on a phone's window (projects.css).
    <div className="field field--sort" hidden>
      <label htmlFor={id}>{t('sort.label')}</label>
      <select id={id} value={sort ?? ''} onChange={(e) => onSort((e.target.value || null) as ProjectSort | null)}>
        <option value="">{t('sort.none')}</option>
        {PROJECT_SORT_FIELDS.flatMap((field) =>
          (['', '-'] as const).map((dir) => (
            <option key={dir + field} value={dir + field}>
              {t(dir ? 'sort.desc' : 'sort.asc', { col: t(`col.${field}`) })}
            </option>
          )),
        )}
      </select>
    </div>
  );
}
