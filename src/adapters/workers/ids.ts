/** 144 random bits as 24 URL-safe characters (same shape as the Node ids): sessions and owner tokens. */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_');
}
