import { useEffect, useState } from 'preact/hooks';

/** Hash routes keep the app a static bundle and put the session id in the URL for reloads. */
export type Route =
  | { name: 'start' }
  | { name: 'session'; id: string }
  | { name: 'report'; id: string }
  | { name: 'history' }
  | { name: 'drill' }
  | { name: 'drill-start'; topic: string }
  | { name: 'progress' }
  | { name: 'bank'; cardId?: string }
  | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'start' };
  const [head, id, tail] = parts;
  if (head === 'session' && id && parts.length === 2) return { name: 'session', id };
  if (head === 'session' && id && tail === 'report' && parts.length === 3) return { name: 'report', id };
  if (head === 'history' && parts.length === 1) return { name: 'history' };
  if (head === 'drill' && parts.length === 1) return { name: 'drill' };
  if (head === 'progress' && parts.length === 1) return { name: 'progress' };
  if (head === 'bank' && parts.length === 1) return { name: 'bank' };
  if (head === 'bank' && id && parts.length === 2) return { name: 'bank', cardId: id };
  if (head === 'drill' && id && parts.length === 2) return { name: 'drill-start', topic: id };
  return { name: 'not-found' };
}

export const links = {
  start: () => '#/',
  session: (id: string) => `#/session/${encodeURIComponent(id)}`,
  /** The 题库 page; with a card id, that card's editor opens on top. */
  bank: (cardId?: string) => (cardId ? `#/bank/${encodeURIComponent(cardId)}` : '#/bank'),
  report: (id: string) => `#/session/${encodeURIComponent(id)}/report`,
  history: () => '#/history',
  drill: () => '#/drill',
  drillTopic: (topic: string) => `#/drill/${encodeURIComponent(topic)}`,
  progress: () => '#/progress',
};

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) location.replace(href);
  else location.hash = href.replace(/^#/, '');
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
