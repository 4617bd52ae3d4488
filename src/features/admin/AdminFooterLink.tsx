import { AppLink } from '../../components/AppLink';
import { useT } from '../../stores/prefs';
import { adminFooterMessages } from './footerMessages';
import './footer.css';

/** The way in for editors, kept out of the main navigation: most readers never need it. */
export function AdminFooterLink() {
  const t = useT(adminFooterMessages);
  return (
    <AppLink className="app__footer-admin" to="/admin">
      {t('footer.admin')}
    </AppLink>
  );
}
