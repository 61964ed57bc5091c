import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Health, Topic } from './api.ts';

/** Server facts loaded once per page load and shared by every page. */
export interface AppData {
  health: Health | undefined;
  topics: Topic[] | undefined;
  topicsError: unknown;
  reloadTopics: () => void;
}

export const AppDataContext = createContext<AppData>({
  health: undefined,
  topics: undefined,
  topicsError: undefined,
  reloadTopics: () => undefined,
});

export function useAppData(): AppData {
  return useContext(AppDataContext);
}
