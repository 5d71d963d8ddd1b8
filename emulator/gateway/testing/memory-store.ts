// An ObjectStore that keeps everything in memory, so tests and benches can run the real
// ObjectRegistry (its admission, versioning and change events) without a data directory.

import type { KubeObject } from "../../../lib/knative/types";
import type { ObjectStore, StoredChange } from "../../store/sqlite-store";

const CHANGE_LOG_SIZE = 1_000;

export function createMemoryStore(): ObjectStore {
  let resourceVersion = 0;
  let log: StoredChange[] = [];
  return {
    loadAll: () => new Map<string, Map<string, KubeObject>>(),
    nextResourceVersion: () => ++resourceVersion,
    currentResourceVersion: () => resourceVersion,
    commit(writes) {
      for (const w of writes) log.push(w.change);
      if (log.length > CHANGE_LOG_SIZE) log = log.slice(-CHANGE_LOG_SIZE);
    },
    changesSince(since) {
      if (log.length > 0 && log[0]!.rv > since + 1) return "expired";
      return log.filter((c) => c.rv > since);
    },
    close() {},
  };
}
