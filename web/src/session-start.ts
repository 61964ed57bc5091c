import { api, type CreatedSession, type StartOptions } from './api.ts';

/**
 * The opening message returned by POST /api/sessions, handed to the session page so it can show
 * it without a second round trip. Only the most recent creation is kept.
 */
let lastCreated: CreatedSession | undefined;

export function takeCreated(id: string): CreatedSession | undefined {
  if (lastCreated?.id !== id) return undefined;
  const created = lastCreated;
  lastCreated = undefined;
  return created;
}

export async function startSession(
  body: StartOptions,
  onToken: (chunk: string) => void,
): Promise<CreatedSession> {
  // The page's language is the UI's (app.tsx keeps it in sync): the LLM interviewer speaks it.
  const language = document.documentElement.lang.startsWith('en') ? 'en' : 'zh';
  const created = await api.createSession({ language, ...body }, onToken);
  lastCreated = created;
  return created;
}
