// The Route reconciler (serving: pkg/reconciler/route/route.go ReconcileKind, configureTraffic;
// pkg/apis/serving/v1/route_lifecycle.go). Traffic resolution is lib/knative/routing.ts.
// The embedded gateway reads `status.traffic` directly, so the "ingress" is ready as soon as
// traffic is assigned; TLS is never enabled (CertificateProvisioned True, TLSNotEnabled).

import { ROUTE_CONDITIONS } from "../../lib/knative/conditions";
import { routeAddressUrl } from "../../lib/knative/domain";
import { resolveTraffic } from "../../lib/knative/routing";
import type { Configuration, Revision, Route } from "../../lib/knative/types";
import { CONFIGURATIONS, REVISIONS, ROUTES } from "../core/resources";
import { ReportedError } from "./controller";
import { reconcileKind, type ReconcilerContext } from "./reconcile-kind";

export interface RouteReconcilerOptions extends ReconcilerContext {
  /** The config-domain suffix, e.g. `example.com`. */
  domain: string;
}

/** ExternalDomainTLSNotEnabledMessage. */
const TLS_NOT_ENABLED = "external-domain-tls is not enabled";

export function reconcileRoute(opts: RouteReconcilerOptions, namespace: string, name: string): void {
  const { registry } = opts;
  reconcileKind<Route>(opts, ROUTES, ROUTE_CONDITIONS, namespace, name, (route, conditions) => {
    const status = route.status!;
    if (route.metadata.generation !== status.observedGeneration) {
      conditions.markUnknown("IngressReady", "IngressNotConfigured", "Ingress has not yet been reconciled.");
    }
    const result = resolveTraffic(
      { name, namespace, labels: route.metadata.labels, traffic: route.spec.traffic },
      {
        revision: (n) => registry.get<Revision>(REVISIONS, namespace, n),
        configuration: (n) => registry.get<Configuration>(CONFIGURATIONS, namespace, n),
      },
      opts.domain,
    );
    if (result.url) status.url = result.url;
    if (result.failure) {
      // Nothing is reprogrammed: the previous status.traffic stays.
      const { status: conditionStatus, reason, message } = result.failure;
      if (conditionStatus === "False") conditions.markFalse("AllTrafficAssigned", reason, message);
      else conditions.markUnknown("AllTrafficAssigned", reason, message);
      // A bad domain is a reconcile error (retried); a bad target is just status.
      if (reason === "ErrorConfig") throw new ReportedError(message);
      return;
    }
    status.traffic = result.traffic;
    conditions.markTrue("AllTrafficAssigned");
    status.address = { url: routeAddressUrl({ name, namespace }) };
    conditions.markTrueWithReason("CertificateProvisioned", "TLSNotEnabled", TLS_NOT_ENABLED);
    conditions.markTrue("IngressReady");
  });
}
