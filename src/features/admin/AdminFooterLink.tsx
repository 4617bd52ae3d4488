import { Link } from 'react-router';
import { useSharedQuery } from '../../lib/routeSearch';
import { useT } from '../../stores/prefs';
import { adminFooterMessages } from './footerMessages';
import './footer.css';

/** The way in for editors, kept out of the main navigation: most readers never need it. */
export function AdminFooterLink() {
  const t = useT(adminFooterMessages);
  const search = useSharedQuery();
  return (
    <Link className="app__footer-admin" to={{ pathname: '/admin', search }}>
      {t('footer.admin')}
    </Link>
  );
}
