// A plain Kubernetes watch from the bench itself, straight on the API server: every event with
// the wall-clock time (Date.now()) it arrived here, so other clocks on this machine (the
// browser's Date.now()) can be compared with the moment the cluster made a change visible.

import { type ApiEndpoint, apiFetch } from "../../emulator/testing/api-endpoint";
import { readRecords } from "./stream-records";

export interface ArrivedEvent {
  at: number;
  type: string;
  object: { metadata: { name?: string; namespace?: string; labels?: Record<string, string> }; status?: Record<string, unknown>; spec?: Record<string, unknown> };
}

export interface ApiWatch {
  events: ArrivedEvent[];
  stop(): void;
}

/** Watches a collection (`/apis/…/services`) from its current resourceVersion. */
export async function watchCollection(api: ApiEndpoint, collectionPath: string): Promise<ApiWatch> {
  const list = (await (await apiFetch(api, `${collectionPath}?limit=1`)).json()) as { metadata?: { resourceVersion?: string } };
  const controller = new AbortController();
  const res = await apiFetch(api, `${collectionPath}?watch=true&resourceVersion=${list.metadata?.resourceVersion ?? "0"}`, { signal: controller.signal });
  if (!res.ok || !res.body) throw new Error(`watch ${collectionPath}: ${res.status}`);
  const events: ArrivedEvent[] = [];
  void readRecords(res.body as unknown as AsyncIterable<Uint8Array>, "\n", (record, at) => {
    const line = record.trim();
    if (line) events.push({ at, ...(JSON.parse(line) as Omit<ArrivedEvent, "at">) });
  });
  return { events, stop: () => controller.abort() };
}
