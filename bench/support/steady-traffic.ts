// Steady traffic through the embedded gateway: `perSecond` requests a second with the Service's
// Host, evenly spaced (a timer per request, not a burst per second), as a light production load.

import { requestViaGateway } from "../../emulator/testing/gateway-client";

export interface SteadyTraffic {
  /** Answers so far, by status ("200", "503", or "error" when the request failed). */
  answers: Record<string, number>;
  stop(): Promise<void>;
}

export function startSteadyTraffic(gatewayUrl: string, host: string, perSecond: number): SteadyTraffic {
  const answers: Record<string, number> = {};
  const inFlight = new Set<Promise<void>>();
  const t0 = Date.now();
  let sent = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = () => {
    const one = requestViaGateway(gatewayUrl, host)
      .then((r) => String(r.status))
      .catch(() => "error")
      .then((key) => {
        answers[key] = (answers[key] ?? 0) + 1;
        inFlight.delete(one);
      });
    inFlight.add(one);
  };
  // Scheduled against the start time, so a late timer does not slow the rate down.
  const next = () => {
    if (stopped) return;
    send();
    sent++;
    timer = setTimeout(next, Math.max(0, t0 + (sent * 1000) / perSecond - Date.now()));
  };
  next();
  return {
    answers,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all(inFlight);
    },
  };
}
