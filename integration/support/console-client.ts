// A browser's side of the console's API, for integration tests: one cookie jar per user, the
// Origin a page of the console sends with its writes, JSON in and out.

export interface ConsoleAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class ConsoleUser {
  private cookie = "";

  constructor(private readonly base: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ConsoleAnswer<T>> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      redirect: "manual",
      headers: {
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(method === "GET" || method === "HEAD" ? {} : { Origin: this.base }),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) {
      const pair = setCookie.split(";", 1)[0]!;
      this.cookie = pair.endsWith("=") ? "" : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: a page, or plain text.
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  /** The cookie as the browser holds it, to replay it after sign-out. */
  get cookieHeader(): string {
    return this.cookie;
  }

  set cookieHeader(value: string) {
    this.cookie = value;
  }

  signIn(token: string) {
    return this.call<{ user: { username: string } }>("POST", "/api/session", { token });
  }
}
