// A streamed response body read as records (a watch's JSON lines, Server-Sent Events), each
// stamped with the wall-clock time (Date.now()) of the chunk that completed it.

export async function readRecords(body: AsyncIterable<Uint8Array>, separator: string, onRecord: (record: string, at: number) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of body) {
      const at = Date.now();
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf(separator)) >= 0) {
        const record = buffer.slice(0, end);
        buffer = buffer.slice(end + separator.length);
        onRecord(record, at);
      }
    }
  } catch {
    // stopped (aborted) or cut off: the records so far stand
  }
}
