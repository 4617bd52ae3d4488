import type { PresentationTranslate } from '../messages';

/** What a slide shows while it has never had data: calm words, never an error page. */
export function Waiting({ loading, t }: { loading: boolean; t: PresentationTranslate }) {
  return (
    <div className="wall-waiting">
      <p className="wall-waiting__title">{loading ? t('waiting.loading') : t('waiting.title')}</p>
      {!loading && <p className="wall-waiting__body">{t('waiting.body')}</p>}
    </div>
  );
}

/** What a slide shows when the report gives nothing for it in the period. */
export function Empty({ text }: { text: string }) {
  return (
    <div className="wall-waiting">
      <p className="wall-waiting__body">{text}</p>
    </div>
  );
}
