"use client";

// One run of test requests at a time from this panel: POST the request, read the NDJSON answer
// as it streams, and fold each event into the run's state. Stop, a new Send and leaving the page
// all abort the fetch; the server stops sending when its request is aborted.

import { useCallback, useEffect, useReducer, useRef } from "react";
import { apiPath, apiPostStream } from "@/lib/queries/api-client";
import { readNdjson } from "@/lib/queries/ndjson";
import { kubeStatus, StatusError } from "@/lib/queries/status";
import { plannedRequests, type TestTrafficEvent, type TestTrafficRequest } from "@/lib/queries/test-traffic";
import { applyEvent, IDLE, runFailed, runStarting, runStopped, type RunState } from "./run-state";

const BROKE_OFF = "The console server stopped sending answers before the run finished.";

type Action = { type: "start"; planned: number } | { type: "event"; event: TestTrafficEvent } | { type: "stop" } | { type: "fail"; error: StatusError } | { type: "ended" };

function reduce(state: RunState, action: Action): RunState {
  switch (action.type) {
    case "start":
      return runStarting(action.planned);
    case "event":
      return applyEvent(state, action.event);
    case "stop":
      return runStopped(state);
    case "fail":
      return state.phase === "stopped" ? state : runFailed(state, action.error.status);
    case "ended":
      // The stream ended without `finished`: the server went away mid-run.
      return state.phase === "starting" || state.phase === "running" ? runFailed(state, kubeStatus(0, BROKE_OFF, "ServiceUnavailable")) : state;
  }
}

export function useRequestRun(cluster: string, namespace: string, service: string) {
  const [state, dispatch] = useReducer(reduce, IDLE);
  const current = useRef<AbortController | null>(null);

  useEffect(() => () => current.current?.abort(), []);

  const stop = useCallback(() => {
    current.current?.abort();
    current.current = null;
    dispatch({ type: "stop" });
  }, []);

  const start = useCallback(
    async (request: TestTrafficRequest) => {
      current.current?.abort();
      const abort = new AbortController();
      current.current = abort;
      dispatch({ type: "start", planned: plannedRequests(request) });
      try {
        const response = await apiPostStream(apiPath("clusters", cluster, "namespaces", namespace, "services", service, "requests"), request, abort.signal);
        await readNdjson<TestTrafficEvent>(response.body!, (event) => {
          if (!abort.signal.aborted) dispatch({ type: "event", event });
        });
        if (!abort.signal.aborted) dispatch({ type: "ended" });
      } catch (err) {
        if (abort.signal.aborted) return; // Stop, a newer Send, or the panel went away
        dispatch({ type: "fail", error: err instanceof StatusError ? err : new StatusError(kubeStatus(0, BROKE_OFF, "ServiceUnavailable")) });
      } finally {
        if (current.current === abort) current.current = null;
      }
    },
    [cluster, namespace, service],
  );

  return { state, start, stop };
}
