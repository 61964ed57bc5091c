/**
 * A browser-like API client: keeps the cookies the server sets and sends them back. It talks to
 * an in-process app (`app.request`) or to a real server over HTTP with the same code.
 */
export type Fetcher = (path: string, init: RequestInit) => Promise<Response>;

export function inProcess(app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> }): Fetcher {
  return async (path, init) => app.request(path, init);
}

export function overHttp(baseUrl: string, timeoutMs = 30_000): Fetcher {
  return (path, init) => fetch(`${baseUrl}${path}`, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
}

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  ms: number;
}

export class ApiClient {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  /** A second tab of the same browser: same cookies, separate client. */
  sameBrowser(): ApiClient {
    const tab = new ApiClient(this.fetcher, this.extraHeaders);
    for (const [name, value] of this.cookies) tab.cookies.set(name, value);
    return tab;
  }

  async raw(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.extraHeaders)) if (!headers.has(name)) headers.set(name, value);
    if (this.cookies.size > 0 && !headers.has('cookie')) {
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await this.fetcher(path, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = (pair ?? '').indexOf('=');
      if (separator > 0) this.cookies.set(pair!.slice(0, separator).trim(), pair!.slice(separator + 1));
    }
    return response;
  }

  async json<T = unknown>(path: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
    const started = performance.now();
    const response = await this.raw(path, init);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Non-JSON bodies (export.md, HTML) stay text.
    }
    return { status: response.status, body: body as T, headers: response.headers, ms: performance.now() - started };
  }

  get<T = unknown>(path: string, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    return this.json<T>(path, { headers });
  }

  post<T = unknown>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<T>> {
    return this.json<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
}

/** The API's error body: `{error:{code,message}}` with non-empty strings. */
export function isErrorBody(body: unknown): body is { error: { code: string; message: string } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string' &&
    (error as { code: string }).code.length > 0
  );
}
