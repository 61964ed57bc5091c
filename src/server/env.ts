/** Hono environment shared by every route and middleware of the app. */
export interface AppEnv {
  Variables: {
    /** The browser's owner token; sessions are visible only to the owner that created them. */
    ownerId: string;
  };
}
