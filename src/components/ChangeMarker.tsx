import { directionOf } from '../domain/briefing';
import { useT } from '../stores/prefs';
import { scheduleMessages } from './scheduleMessages';
import './ChangeMarker.css';

const GLYPH = { up: '▲', down: '▼', flat: '=' } as const;

/**
 * The direction of a change, as a mark every change gets, a fall as much as a rise: ▲ or ▼ (= when
 * flat) for the eye, the word (上升, 下降, 持平) for a screen reader, colour only on top of both.
 * Put it before the signed figure: ▲ +41%, ▼ −5.4%.
 */
export function ChangeMarker({
  change,
  spoken = true,
  lowerIsBetter = false,
}: {
  change: number;
  /** false where the words around it already say the direction (同比增长41%): the glyph only. */
  spoken?: boolean;
  /** A figure that is better lower (an unemployment rate): a rise takes the colour of bad news. */
  lowerIsBetter?: boolean;
}) {
  const t = useT(scheduleMessages);
  const direction = directionOf(change);
  return (
    <span className={`change-marker change-marker--${direction}${lowerIsBetter ? ' change-marker--inverse' : ''}`}>
      <span aria-hidden="true">{GLYPH[direction]}</span>
      {spoken && <span className="visually-hidden">{t(`change.${direction}`)}</span>}
    </span>
  );
}
