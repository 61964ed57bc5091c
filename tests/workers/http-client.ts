/**
 * A tiny browser stand-in for HTTP-contract tests: it keeps its own cookie jar (so two instances
 * are two owners) and, against the local Worker, its own client address — wrangler dev trusts an
 * incoming CF-Connecting-IP, which gives each test its own rate-limit bucket.
 */
export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly clientAddress?: string,
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    if (this.clientAddress) headers.set('cf-connecting-ip', this.clientAddress);
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(20_000) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  }

  async json<T = unknown>(path: string, init: RequestInit = {}): Promise<JsonResponse<T>> {
    const response = await this.request(path, init);
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status}, not JSON: ${text.slice(0, 300)}`);
    }
    return { status: response.status, headers: response.headers, body: body as T };
  }

  post<T = unknown>(path: string, payload: unknown): Promise<JsonResponse<T>> {
    return this.json<T>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  }
}
