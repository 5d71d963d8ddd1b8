// A revision's concurrency, timeouts and autoscaling settings, for display.

import { AUTOSCALING_PREFIX } from "@/lib/knative/labels";
import type { Revision } from "@/lib/knative/types";

export interface ScalingFacts {
  containerConcurrency: string;
  timeoutSeconds: string;
  responseStartTimeoutSeconds?: string;
  idleTimeoutSeconds?: string;
  autoscaling: Array<{ key: string; value: string }>;
}

export function scalingFacts(rev: Revision): ScalingFacts {
  const cc = rev.spec?.containerConcurrency;
  const annotations = rev.metadata.annotations ?? {};
  return {
    // 0 is Knative's "no limit" (autoscaling still targets its soft default).
    containerConcurrency: cc === undefined ? "-" : cc === 0 ? "0 (unlimited)" : String(cc),
    timeoutSeconds: rev.spec?.timeoutSeconds === undefined ? "-" : `${rev.spec.timeoutSeconds} s`,
    ...(rev.spec?.responseStartTimeoutSeconds !== undefined ? { responseStartTimeoutSeconds: `${rev.spec.responseStartTimeoutSeconds} s` } : {}),
    ...(rev.spec?.idleTimeoutSeconds !== undefined ? { idleTimeoutSeconds: `${rev.spec.idleTimeoutSeconds} s` } : {}),
    autoscaling: Object.entries(annotations)
      .filter(([k]) => k.startsWith(AUTOSCALING_PREFIX))
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}
