import { Skeleton } from '../../../components/Skeleton';

/** A tile-shaped placeholder with the tile's box, so the page does not move when figures arrive. */
export function SkeletonTile() {
  return (
    // One grid cell; its height (overview.css) is that of the tiles of its row once they arrive.
    <div className="kpi-tile kpi-tile--skeleton" aria-hidden="true">
      <Skeleton width="60%" height="1rem" />
      <Skeleton width="45%" height="2.25rem" />
      <Skeleton width="70%" height="0.9rem" />
      <Skeleton width="85%" height="0.9rem" />
    </div>
  );
}
