// For tests: HTTP requests as raw bytes over a socket, so that requests no HTTP client would
// send can be sent (TRACE, CONNECT, a forged Host, none at all, HTTP/1.0, oversized headers),
// and answers read as sent, duplicate headers included. A streaming answer (SSE) is read for
// `streamMs` and then cut.

import net from "node:net";

export interface RawAnswer {
  status: number;
  /** Header names in lower case; a header sent twice has two values. */
  headers: Record<string, string[]>;
  body: string;
}

export interface RawRequest {
  method: string;
  target: string;
  /** Sent as given, in order; no Host is added unless given. */
  headers?: Array<[string, string]>;
  version?: "HTTP/1.1" | "HTTP/1.0";
  body?: string;
}

function decodeChunked(body: string): string {
  let out = "";
  let rest = body;
  for (;;) {
    const eol = rest.indexOf("\r\n");
    if (eol < 0) return out + rest;
    const size = parseInt(rest.slice(0, eol), 16);
    if (!size) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}

function parse(data: string): RawAnswer {
  const split = data.indexOf("\r\n\r\n");
  const head = split < 0 ? data : data.slice(0, split);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  const rawBody = split < 0 ? "" : data.slice(split + 4);
  const chunked = headers["transfer-encoding"]?.some((v) => /chunked/i.test(v));
  return { status: Number(statusLine.split(" ")[1]), headers, body: chunked ? decodeChunked(rawBody) : rawBody };
}

/** One request on its own connection; resolves when the server closes it, or `streamMs` after the answer began. */
export function rawRequest(port: number, request: RawRequest, { streamMs = 1_500, host = "127.0.0.1" } = {}): Promise<RawAnswer> {
  const lines = [`${request.method} ${request.target} ${request.version ?? "HTTP/1.1"}`, ...(request.headers ?? []).map(([k, v]) => `${k}: ${v}`), "Connection: close"];
  const bytes = `${lines.join("\r\n")}\r\n\r\n${request.body ?? ""}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host, () => socket.write(bytes));
    let data = "";
    let cut: ReturnType<typeof setTimeout> | undefined;
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      data += chunk;
      cut ??= setTimeout(() => socket.destroy(), streamMs);
    });
    socket.on("error", (err) => (data ? undefined : reject(err)));
    socket.on("close", () => {
      clearTimeout(cut);
      if (!data) reject(new Error(`no answer to ${request.method} ${request.target}`));
      else resolve(parse(data));
    });
  });
}

/** The one value of a header, or undefined; a header sent twice is an error in a test's eyes. */
export function single(answer: RawAnswer, name: string): string | undefined {
  const values = answer.headers[name.toLowerCase()];
  if (values && values.length > 1) throw new Error(`${name} sent ${values.length} times: ${values.join(" | ")}`);
  return values?.[0];
}
