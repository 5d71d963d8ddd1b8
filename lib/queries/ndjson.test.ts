import { describe, expect, it } from "vitest";
import { readNdjson } from "./ndjson";

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

describe("readNdjson", () => {
  it("hands over each line's value, whatever the chunking", async () => {
    const got: unknown[] = [];
    await readNdjson(streamOf(['{"a":', '1}\n{"b"', ':2}\n\n', '{"c":3}\n']), (v) => got.push(v));
    expect(got).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it("decodes a character split across chunks, and a last line without a newline", async () => {
    const bytes = new TextEncoder().encode('{"body":"Grüße"}\n{"end":true}');
    const split = bytes.indexOf(0xc3) + 1; // inside the two bytes of ü
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const got: unknown[] = [];
    await readNdjson(stream, (v) => got.push(v));
    expect(got).toEqual([{ body: "Grüße" }, { end: true }]);
  });

  it("hands over lines as they arrive, before the stream ends", async () => {
    const encoder = new TextEncoder();
    let push!: (s: string) => void;
    let end!: () => void;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (s) => controller.enqueue(encoder.encode(s));
        end = () => controller.close();
      },
    });
    const got: unknown[] = [];
    const done = readNdjson(stream, (v) => got.push(v));
    push('{"n":1}\n');
    await new Promise((r) => setTimeout(r, 10));
    expect(got).toEqual([{ n: 1 }]);
    end();
    await done;
  });
});
