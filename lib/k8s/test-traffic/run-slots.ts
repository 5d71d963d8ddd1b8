// How many runs of test requests may be in progress at once: a few per Service (two browser tabs
// and a colleague), a dozen in the whole console. One more is refused with 429 and changes
// nothing; a run gives its slot back however it ends (finished, stopped, the browser gone).

import { MAX_RUNS_IN_CONSOLE, MAX_RUNS_PER_SERVICE } from "@/lib/queries/test-traffic";
import { kubeStatus, StatusError } from "@/lib/queries/status";

export class RunSlots {
  private readonly byService = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly perService = MAX_RUNS_PER_SERVICE,
    private readonly inConsole = MAX_RUNS_IN_CONSOLE,
  ) {}

  /** A slot for a run against `service` ("cluster/namespace/name"); call the result once, when the run ends. */
  acquire(service: string, label: string): () => void {
    const running = this.byService.get(service) ?? 0;
    if (running >= this.perService) {
      throw new StatusError(kubeStatus(429, `${label} already has ${running} runs of requests in progress, the most it may have at once; wait for one to finish or stop it.`, "TooManyRequests"));
    }
    if (this.total >= this.inConsole) {
      throw new StatusError(kubeStatus(429, `The console already has ${this.total} runs of requests in progress, the most it runs at once; wait for one to finish or stop it.`, "TooManyRequests"));
    }
    this.byService.set(service, running + 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const left = (this.byService.get(service) ?? 1) - 1;
      if (left > 0) this.byService.set(service, left);
      else this.byService.delete(service);
    };
  }

  inProgress(service?: string): number {
    return service === undefined ? this.total : (this.byService.get(service) ?? 0);
  }
}

const global = globalThis as unknown as { __knativeConsoleRunSlots?: RunSlots };

/** The console's one set of slots (kept on globalThis, as the cluster registry is, across module reloads in dev). */
export function runSlots(): RunSlots {
  return (global.__knativeConsoleRunSlots ??= new RunSlots());
}
