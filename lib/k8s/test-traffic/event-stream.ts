// A run's answers as they come, one JSON object per line (NDJSON): `started`, then `progress`
// every quarter second while anything changes (at least once a second, so the elapsed time
// moves and idle proxies keep the connection), then `finished`. A body is sent once, when its
// group first appears; after that only the counts move. The run stops when the browser goes away
// or presses Stop (either aborts the request, and so the stream).

import { performance } from "node:perf_hooks";
import type { RunProgress, TestTrafficEvent } from "@/lib/queries/test-traffic";
import { NDJSON_CONTENT_TYPE } from "@/lib/queries/test-traffic";
import { kubeStatus } from "@/lib/queries/status";
import { AnswerTally } from "./answer-tally";
import { runRequests, type RunPlan } from "./request-run";

export const NDJSON_HEADERS = {
  "Content-Type": `${NDJSON_CONTENT_TYPE}; charset=utf-8`,
  // no-transform keeps a compressing proxy (and Next's gzip) from holding lines back.
  "Cache-Control": "no-store, no-transform",
  "X-Accel-Buffering": "no",
} as const;

export interface StreamedRun {
  plan: RunPlan;
  started: Extract<TestTrafficEvent, { type: "started" }>;
  /** Called once when the run ends, however it ends. */
  release: () => void;
}

export interface StreamTiming {
  progressMs: number;
  heartbeatMs: number;
}

const DEFAULT_TIMING: StreamTiming = { progressMs: 250, heartbeatMs: 1_000 };

export function testTrafficStream(run: StreamedRun, clientSignal: AbortSignal, timing: StreamTiming = DEFAULT_TIMING): ReadableStream<Uint8Array> {
  const stop = new AbortController();
  const encoder = new TextEncoder();
  const abort = () => stop.abort();
  clientSignal.addEventListener("abort", abort, { once: true });
  if (clientSignal.aborted) abort();

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (event: TestTrafficEvent) => {
        if (stop.signal.aborted && event.type !== "failed") return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          abort(); // the reader is gone
        }
      };
      const tally = new AnswerTally();
      let sent = 0;
      let changed = false;
      let lastSent = 0;
      const began = performance.now();
      const progress = (): RunProgress => ({
        elapsedMs: Math.round(performance.now() - began),
        sent,
        answered: tally.answered,
        newGroups: tally.takeNewGroups(),
        groups: tally.stats(),
      });
      const ticker = setInterval(() => {
        if (!changed && performance.now() - lastSent < timing.heartbeatMs) return;
        changed = false;
        lastSent = performance.now();
        send({ type: "progress", ...progress() });
      }, timing.progressMs);

      send(run.started);
      void runRequests(run.plan, {
        signal: stop.signal,
        onSent: () => {
          sent++;
          changed = true;
        },
        onAnswer: (answer) => {
          tally.add(answer);
          changed = true;
        },
      })
        .then(
          () => send({ type: "finished", ...progress() }),
          (err: unknown) => {
            console.error("[requests]", err);
            send({ type: "failed", status: kubeStatus(500, `The run of requests broke off: ${err instanceof Error ? err.message : String(err)}`, "InternalError") });
          },
        )
        .finally(() => {
          clearInterval(ticker);
          clientSignal.removeEventListener("abort", abort);
          run.release();
          try {
            controller.close();
          } catch {
            // Already closed: the browser went away.
          }
        });
    },
    cancel() {
      abort();
    },
  });
}
