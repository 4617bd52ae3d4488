import { useLayoutEffect, useRef, useState } from 'react';
import { projectText } from '../../../api/projects';
import type { Project } from '../../../api/projects';
import type { Locale } from '../../../lib/i18n';
import { projectLabelMessages } from '../../../lib/projectLabelMessages';
import { useT } from '../../../stores/prefs';
import type { ScreenTranslate } from './messages';

interface Page {
  /** The first row of the page, and the row after its last. */
  start: number;
  end: number;
  /** How far the list moves up to show the page, in CSS pixels. */
  offset: number;
}

const samePages = (a: readonly Page[], b: readonly Page[]) =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.start === q.start && p.offset === q.offset;
  });

/**
 * Splits the rendered rows of `list` into pages that each fit its window, measured rather than
 * counted, so a long English name taking three lines moves the next row to the next page instead
 * of cutting it off. Measured again whenever the window or the list changes size.
 */
function useMeasuredPages(list: HTMLElement | null): Page[] {
  const [pages, setPages] = useState<Page[]>([]);
  useLayoutEffect(() => {
    const box = list?.parentElement;
    if (!list || !box) return;
    const measure = () => {
      const rows = [...list.children].filter((el): el is HTMLElement => el instanceof HTMLElement);
      const first = rows[0]?.offsetTop ?? 0;
      const next: Page[] = [];
      let start = 0;
      rows.forEach((row, i) => {
        const top = rows[start]?.offsetTop ?? first;
        if (i > start && row.offsetTop + row.offsetHeight - top > box.clientHeight + 0.5) {
          next.push({ start, end: i, offset: top - first });
          start = i;
        }
      });
      if (rows.length > 0) next.push({ start, end: rows.length, offset: (rows[start]?.offsetTop ?? first) - first });
      setPages((prev) => (samePages(prev, next) ? prev : next));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    observer.observe(list);
    return () => observer.disconnect();
  }, [list]);
  return pages;
}

/**
 * The named projects a page at a time (翻页, not a scroll): the page turns as a whole, and over
 * one round of pages every project has been on screen. Rows off the page keep their place (so
 * the pages stay measured) but are hidden from sight and from assistive technology.
 */
export function ProjectPager({
  projects,
  page,
  onPageCount,
  locale,
  t,
}: {
  projects: readonly Project[];
  /** The page to show, counted on and wrapped by the caller. */
  page: number;
  onPageCount: (count: number) => void;
  locale: Locale;
  t: ScreenTranslate;
}) {
  const names = useT(projectLabelMessages);
  const [list, setList] = useState<HTMLUListElement | null>(null);
  const pages = useMeasuredPages(list);
  const reported = useRef(0);
  useLayoutEffect(() => {
    const count = Math.max(1, pages.length);
    if (reported.current !== count) onPageCount(count);
    reported.current = count;
  }, [pages.length, onPageCount]);
  const shown = pages[page % Math.max(1, pages.length)] ?? { start: 0, end: projects.length, offset: 0 };
  if (projects.length === 0) return <p className="screen-note screen-note--alone">{t('projects.none')}</p>;
  return (
    <div className="screen-pager">
      <div className="screen-pager__head" aria-hidden="true">
        <span>{t('projects.named', { n: projects.length })}</span>
        <span>{t('projects.stage')}</span>
      </div>
      <div className="screen-pager__window">
        <ul ref={setList} className="screen-pager__list" style={{ transform: `translateY(${-shown.offset}px)` }}>
          {projects.map((p, i) => (
            <li
              key={p.id}
              className={`screen-project${i >= shown.start && i < shown.end ? '' : ' screen-project--away'}`}
            >
              <span className="screen-project__name">{projectText(p, locale).name}</span>
              <span className={`screen-project__stage screen-project__stage--${p.stage}`}>
                {names(`stage.${p.stage}`)}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
