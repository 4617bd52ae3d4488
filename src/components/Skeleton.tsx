import './Skeleton.css';

/** A placeholder with the final element's size, so nothing moves when data arrives. */
export function Skeleton({ width = '100%', height = '1em' }: { width?: string; height?: string }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}
