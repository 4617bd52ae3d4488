import type { ReactNode } from 'react';

/** A titled panel of a slide, named by its title for assistive technology. */
export function Panel({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `wall-panel ${className}` : 'wall-panel'} aria-labelledby={id}>
      <h2 id={id} className="wall-panel__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
