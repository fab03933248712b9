// A tiny history router: the path is the state, pushState moves it, and a hook re-renders
// whoever reads it. Enough for the console's handful of pages.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const NAV_EVENT = 'siaga:navigate';

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback);
  window.addEventListener(NAV_EVENT, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(NAV_EVENT, callback);
  };
}

const getPath = () => window.location.pathname;
const getSearch = () => window.location.search;

export function usePath(): string {
  return useSyncExternalStore(subscribe, getPath);
}

/** The query string ("?a=1" or ""), for pages that keep their filters in the address. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, getSearch);
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(NAV_EVENT));
}

export type Route =
  | { name: 'login' }
  | { name: 'dashboard' }
  | { name: 'users' }
  | { name: 'user'; id: string }
  | { name: 'missions' }
  | { name: 'mission'; code: string }
  | { name: 'organisations' }
  | { name: 'audit' }
  | { name: 'people' }
  | { name: 'personNew' }
  | { name: 'person'; id: string }
  | { name: 'imports' }
  | { name: 'import'; id: string }
  | { name: 'crises' }
  | { name: 'crisisNew' }
  | { name: 'crisis'; id: string }
  | { name: 'hazards' }
  | { name: 'account' }
  | { name: 'notFound' };

export function matchRoute(path: string): Route {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, extra] = parts;
  if (extra !== undefined) return { name: 'notFound' };
  if (first === undefined) return { name: 'dashboard' };
  if (first === 'login' && !second) return { name: 'login' };
  if (first === 'account' && !second) return { name: 'account' };
  if (first === 'organisations' && !second) return { name: 'organisations' };
  if (first === 'audit' && !second) return { name: 'audit' };
  if (first === 'users') return second ? { name: 'user', id: second } : { name: 'users' };
  if (first === 'missions') return second ? { name: 'mission', code: second } : { name: 'missions' };
  if (first === 'people') {
    if (second === undefined) return { name: 'people' };
    return second === 'new' ? { name: 'personNew' } : { name: 'person', id: second };
  }
  if (first === 'crises') {
    if (second === undefined) return { name: 'crises' };
    return second === 'new' ? { name: 'crisisNew' } : { name: 'crisis', id: second };
  }
  if (first === 'hazards' && !second) return { name: 'hazards' };
  if (first === 'imports') return second ? { name: 'import', id: second } : { name: 'imports' };
  return { name: 'notFound' };
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
