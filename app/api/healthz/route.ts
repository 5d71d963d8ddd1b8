// Liveness: the process is up and Next answers. Nothing about any cluster, so a cluster outage
// never gets the console restarted. Served whatever the Host (lib/http/request-screen.ts).

import { NO_STORE } from "@/lib/k8s/route-handler";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok\n", { headers: { ...NO_STORE, "Content-Type": "text/plain; charset=utf-8" } });
}
