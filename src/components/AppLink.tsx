import { Link, NavLink } from 'react-router';
import type { LinkProps, NavLinkProps, To } from 'react-router';
import { useSharedQuery } from '../lib/routeSearch';
import { patchSearch, toQuery } from '../lib/search';

type Patch = Readonly<Record<string, string | null | undefined>>;

interface KeptProps {
  /** The page's path. */
  to: string;
  /** Shared parameters this link changes (null removes one); the others are kept. */
  params?: Patch;
}

/**
 * Where a link to `pathname` goes with the shared parameters in use (period, sector, language,
 * theme) kept: a view opened from a shared address stays that view from page to page.
 */
export function useKeptTo(pathname: string, params: Patch = {}): To {
  const shared = useSharedQuery();
  return { pathname, search: toQuery(patchSearch(new URLSearchParams(shared), params)) };
}

/** A link to another page of the app that keeps the shared parameters. */
export function AppLink({ to, params, ...rest }: KeptProps & Omit<LinkProps, 'to'>) {
  return <Link to={useKeptTo(to, params)} {...rest} />;
}

/** A navigation link (marked current on its page) that keeps the shared parameters. */
export function AppNavLink({ to, params, ...rest }: KeptProps & Omit<NavLinkProps, 'to'>) {
  return <NavLink to={useKeptTo(to, params)} {...rest} />;
}
