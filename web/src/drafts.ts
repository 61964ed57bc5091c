/**
 * An answer is kept in localStorage from the first keystroke until the server acknowledges it,
 * so a crash, a reload or a lost connection never costs the candidate their text.
 */
const prefix = 'mianba:draft:';

export function loadDraft(sessionId: string): string {
  try {
    return localStorage.getItem(prefix + sessionId) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(sessionId: string, text: string): void {
  try {
    if (text) localStorage.setItem(prefix + sessionId, text);
    else localStorage.removeItem(prefix + sessionId);
  } catch {
    // Quota exceeded or storage disabled: the text is still in the textarea.
  }
}

export function clearDraft(sessionId: string): void {
  saveDraft(sessionId, '');
}
