import type { ReactNode } from 'react';

/**
 * A framed panel of the screen (模块): its title in a title bar, an optional note at the bar's
 * right, and its content; a region named by its title for assistive technology.
 */
export function Panel({
  id,
  title,
  aside,
  children,
}: {
  id: string;
  title: string;
  aside?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={`screen-panel screen-panel--${id}`} aria-labelledby={`screen-${id}-title`}>
      <div className="screen-panel__head">
        <h2 id={`screen-${id}-title`} className="screen-panel__title">
          {title}
        </h2>
        {aside && <p className="screen-panel__aside">{aside}</p>}
      </div>
      <div className="screen-panel__body">{children}</div>
    </section>
  );
}
