/**
 * The main navigation. A capability that adds a page adds one entry here (and one route in
 * routes.tsx), e.g. `{ to: '/courses', label: 'app:nav.catalogue', audience: 'everyone' }`.
 * Labels live in the `app` namespace: the shell renders them before any feature's text is loaded.
 */
export interface NavItem {
  to: string;
  /** i18n key in the `app` namespace (bundled with the shell), `app:nav.<name>`. */
  label: string;
  /** `admins`: signed-in admins only (the API refuses everyone else what the page asks anyway). */
  audience: 'everyone' | 'signedIn' | 'signedOut' | 'admins';
  /** Match the path exactly (for "/"). */
  end?: boolean;
}

/** In the header (folded into the menu button on phones). */
export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'app:nav.home', audience: 'everyone', end: true },
  { to: '/courses', label: 'app:nav.catalogue', audience: 'everyone' },
  { to: '/learning', label: 'app:nav.learning', audience: 'signedIn' },
  { to: '/admin', label: 'app:nav.admin', audience: 'admins' },
  { to: '/sign-up', label: 'app:nav.signUp', audience: 'signedOut' },
  { to: '/log-in', label: 'app:nav.logIn', audience: 'signedOut' },
];

/** In the profile menu, under the person's name. */
export const PROFILE_ITEMS: NavItem[] = [
  { to: '/profile', label: 'app:nav.profile', audience: 'signedIn' },
  { to: '/learning', label: 'app:nav.learning', audience: 'signedIn' },
  { to: '/notifications', label: 'app:nav.notifications', audience: 'signedIn' },
  { to: '/admin/design', label: 'app:nav.designSystem', audience: 'admins' },
];
