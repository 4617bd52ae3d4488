import { useId } from 'react';
import { IMPORT_SHEETS, templatePaths } from '../../../api/admin';
import { apiBaseUrl } from '../../../api/client';
import { useT } from '../../../stores/prefs';
import { adminMessages } from '../messages';
import { sheetMessages } from '../../../components/sheetMessages';

/** Step 1: the template, with the published data in it, as one workbook or one CSV per sheet. */
export function TemplateStep() {
  const t = useT(adminMessages);
  const ts = useT(sheetMessages);
  const headingId = useId();
  const base = apiBaseUrl();
  return (
    <section className="admin__panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('step1.title')}</h2>
      <p>{t('step1.body')}</p>
      <ul className="admin__downloads">
        <li>
          <a className="button" href={base + templatePaths.xlsx} download>
            {t('step1.xlsx')}
          </a>
        </li>
        <li className="admin__csv">
          <span>{t('step1.csv')}</span>
          {IMPORT_SHEETS.map((sheet) => (
            <a key={sheet} href={base + templatePaths.csv(sheet)} download>
              {t('step1.csvLink', { sheet: ts(sheet) })}
            </a>
          ))}
        </li>
      </ul>
    </section>
  );
}
