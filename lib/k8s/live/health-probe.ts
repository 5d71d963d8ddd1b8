// The cheap question "does the API server answer?", asked often while a page is open so that a
// lost cluster shows up in under two seconds and a recovered one as soon as it answers again.

import { type ClusterApis, callOptions } from "../api-clients";
import { failureReason } from "../errors";

export type ProbeResult = { reachable: true } | { reachable: false; reason: string };
export type Probe = (apis: ClusterApis) => Promise<ProbeResult>;

// With a probe every 500 ms, a cluster that stops answering (even one that hangs rather than
// refuses) is reported in under two seconds; /version answers in milliseconds when healthy.
export const PROBE_TIMEOUT_MS = 1_200;

export const probeVersion: Probe = async (apis) => {
  try {
    await apis.version.getCode({}, callOptions(PROBE_TIMEOUT_MS));
    return { reachable: true };
  } catch (err) {
    return { reachable: false, reason: failureReason(err) };
  }
};
