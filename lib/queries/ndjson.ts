// Newline-delimited JSON read as it arrives: each complete line is handed over the moment its
// newline comes, so a page shows a stream's events while the server is still sending them.

/** Calls `onValue` with each line's value, in order; resolves when the stream ends. */
export async function readNdjson<T>(body: ReadableStream<Uint8Array>, onValue: (value: T) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const flush = (final: boolean) => {
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) onValue(JSON.parse(line) as T);
    }
    if (final && buffer.trim()) onValue(JSON.parse(buffer) as T);
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      flush(false);
    }
    buffer += decoder.decode();
    flush(true);
  } finally {
    reader.releaseLock();
  }
}
