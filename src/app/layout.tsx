import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useMatch } from 'react-router';
import { useLiveUpdates } from '../api/live';
import { AnnouncerProvider } from '../components/announcer';
import { isDemo } from '../lib/env';
import { AccountNavLinks } from '../features/account/account-nav-links';
import { ResetDemo } from '../features/session/reset-demo';
import { ModerationNavLink } from '../features/moderation/moderation-nav-link';
import { NotificationsNavLink } from '../features/notifications/notifications-nav-link';
import { SessionMenu } from '../features/session/session-menu';
import { pagePatterns, paths } from '../lib/paths';

/** After a navigation, focus goes to the new page's main heading, as a screen reader user expects. */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.querySelector('main');
    const heading = () => main?.querySelector<HTMLElement>('h1') ?? null;
    const focus = (h: HTMLElement) => {
      h.tabIndex = -1;
      h.focus({ preventScroll: true });
    };
    const current = heading();
    if (!current) return;
    focus(current);
    if (!main || !current.closest('[aria-busy="true"]')) return;
    // A page still loading has a placeholder heading, and the focus would fall to the body when
    // the real one replaces it: follow it there, unless the person has moved on meanwhile.
    const observer = new MutationObserver(() => {
      const real = heading();
      if (!real || real.closest('[aria-busy="true"]')) return;
      observer.disconnect();
      if (document.activeElement === document.body || document.activeElement === null) focus(real);
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [pathname]);
}

export function Layout() {
  useFocusHeadingOnNavigate();
  // One live stream for the page: a discussion's on its pages, the person's own elsewhere.
  const discussion = useMatch(pagePatterns.inDiscussion)?.params.slug;
  useLiveUpdates(discussion === 'new' ? undefined : discussion);
  return (
    <AnnouncerProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container site-header-inner">
          <Link to={paths.home()} className="brand" aria-label="Agora, home">
            <span className="brand-mark" aria-hidden="true">
              A
            </span>
            Agora
          </Link>
          <nav aria-label="Main" className="site-nav">
            <NavLink to={paths.home()} end>
              Discussions
            </NavLink>
            <ModerationNavLink />
            <NotificationsNavLink />
            <AccountNavLinks />
          </nav>
          <SessionMenu />
        </div>
      </header>
      <main id="main" className="container site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container site-footer-inner">
          <p>Agora — moderated online discussions.</p>
          {isDemo && <ResetDemo />}
        </div>
      </footer>
      <ScrollRestoration />
    </AnnouncerProvider>
  );
}

/** Shown for the instant before the first route is ready. */
export function AppLoading() {
  return (
    <div className="container site-main" role="status">
      <span className="visually-hidden">Loading Agora…</span>
    </div>
  );
}
