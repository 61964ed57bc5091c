/** Hono environment shared by every route and middleware of the app. */
export interface AppEnv {
  Variables: {
    /** The browser's owner token; sessions are visible only to the owner that created them. */
    ownerId: string;
    /** False only behind ACCESS_TOKEN without the token, where open routes must say less. */
    authenticated: boolean;
  };
}
