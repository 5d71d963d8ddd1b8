// The cheap question "does the API server answer?", asked often while a page is open so that a
// lost cluster shows up in under two seconds and a recovered one as soon as it answers again.

import { type ClusterApis, callOptions } from "../api-clients";
import { toKubeStatus, unreachableReason } from "../errors";

export type ProbeResult = { reachable: true } | { reachable: false; reason: string };
export type Probe = (apis: ClusterApis) => Promise<ProbeResult>;

export const PROBE_TIMEOUT_MS = 1_500;

export const probeVersion: Probe = async (apis) => {
  try {
    await apis.version.getCode({}, callOptions(PROBE_TIMEOUT_MS));
    return { reachable: true };
  } catch (err) {
    return { reachable: false, reason: unreachableReason(err) ?? toKubeStatus(err).message };
  }
};
