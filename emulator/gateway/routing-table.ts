// Host → destination, kept up to date from Route and Revision changes so that a request costs one
// map lookup. A route's hosts share one split (one smooth weighted round-robin over its
// `status.traffic` percents), so the external and cluster-local names of a route together see the
// configured split; a tag host and a revision's own host always go to one revision.
//
// Each destination also says which route tag queue-proxy will record (lib/knative/route-tag.ts),
// from the headers the KIngress adds when config-features has `tag-header-based-routing:
// enabled` (knative/serving pkg/reconciler/route/resources/ingress.go): the route's hosts add
// `Knative-Serving-Default-Route: true`, and route a request whose `Knative-Serving-Tag` names one
// of its tags to that tag's revision; a tag's hosts set `Knative-Serving-Tag: <tag>`. A
// revision's own host is its Kubernetes Service, past any ingress: only the client's headers count.

import { routeTagName } from "../../lib/knative/route-tag";
import { trafficShares } from "../../lib/knative/traffic-shares";
import type { Route } from "../../lib/knative/types";
import { clusterLocalHosts, routeHosts } from "./hosts";
import { SmoothWeightedRoundRobin, type WeightedChoice } from "./swrr";

/** The route-tag headers of a request as the client sent them ("" when absent). */
export interface TagHeaders {
  tag: string;
  defaultRoute: string;
}

export interface Routing {
  /** The revision this request goes to. */
  revision: string | undefined;
  /** `kn.route.tag` for queue-proxy's request metrics. */
  routeTag: string;
}

export interface Destination {
  readonly namespace: string;
  /** Where this request goes; `tagHeaderRouting` is config-features' flag. */
  route(headers: TagHeaders, tagHeaderRouting: boolean): Routing;
}

class SplitDestination implements Destination {
  private readonly rr: SmoothWeightedRoundRobin<string>;
  /** The route's tags and their revisions, for tag-header-based routing. */
  tags: ReadonlyMap<string, string> = new Map();

  constructor(
    readonly namespace: string,
    readonly weights: ReadonlyArray<WeightedChoice<string>>,
  ) {
    this.rr = new SmoothWeightedRoundRobin(weights);
  }

  route(headers: TagHeaders, tagHeaderRouting: boolean): Routing {
    if (!tagHeaderRouting) return { revision: this.rr.next(), routeTag: routeTagName(headers.tag, headers.defaultRoute) };
    // The tag paths match `Knative-Serving-Tag` exactly and add no Default-Route header.
    const tagged = headers.tag === "" ? undefined : this.tags.get(headers.tag);
    if (tagged !== undefined) return { revision: tagged, routeTag: routeTagName(headers.tag, headers.defaultRoute) };
    return { revision: this.rr.next(), routeTag: routeTagName(headers.tag, "true") };
  }
}

class TagDestination implements Destination {
  constructor(
    readonly namespace: string,
    private readonly revision: string,
    private readonly tag: string,
  ) {}

  route(headers: TagHeaders, tagHeaderRouting: boolean): Routing {
    return { revision: this.revision, routeTag: routeTagName(tagHeaderRouting ? this.tag : headers.tag, headers.defaultRoute) };
  }
}

class RevisionDestination implements Destination {
  constructor(
    readonly namespace: string,
    private readonly revision: string,
  ) {}

  route(headers: TagHeaders): Routing {
    return { revision: this.revision, routeTag: routeTagName(headers.tag, headers.defaultRoute) };
  }
}

interface HostBinding {
  owner: string;
  destination: Destination;
}

export class RoutingTable {
  /** Route hosts (main and tag) win over revision hosts when a name is both. */
  private readonly routeHosts = new Map<string, HostBinding>();
  private readonly revisionHosts = new Map<string, HostBinding>();
  private readonly hostsByOwner = new Map<string, string[]>();
  private readonly splits = new Map<string, SplitDestination>();

  /** config-features `tag-header-based-routing` is Enabled (Knative's default: Disabled). */
  tagHeaderRouting = false;

  constructor(private readonly domain: string) {}

  resolve(host: string): Destination | undefined {
    return (this.routeHosts.get(host) ?? this.revisionHosts.get(host))?.destination;
  }

  setRoute(route: Route): void {
    const namespace = route.metadata.namespace ?? "default";
    const owner = routeKey(namespace, route.metadata.name ?? "");
    this.unbind(this.routeHosts, owner);
    const traffic = route.status?.traffic ?? [];
    const bindings: Array<[string, Destination]> = [];

    const tagged = traffic.filter((t): t is typeof t & { tag: string; revisionName: string } => !!t.tag && !!t.revisionName);
    const split = this.splitFor(owner, namespace, route);
    if (split) {
      split.tags = new Map(tagged.map((t) => [t.tag, t.revisionName]));
      for (const host of routeHosts(route, this.domain)) bindings.push([host, split]);
    }
    for (const target of tagged) {
      const destination = new TagDestination(namespace, target.revisionName, target.tag);
      for (const host of routeHosts(route, this.domain, target.tag)) bindings.push([host, destination]);
    }
    this.bind(this.routeHosts, owner, bindings);
  }

  removeRoute(namespace: string, name: string): void {
    const owner = routeKey(namespace, name);
    this.unbind(this.routeHosts, owner);
    this.splits.delete(owner);
  }

  setRevision(namespace: string, name: string): void {
    const owner = revisionKey(namespace, name);
    if (this.hostsByOwner.has(owner)) return; // a revision's hosts never change
    const destination = new RevisionDestination(namespace, name);
    this.bind(
      this.revisionHosts,
      owner,
      clusterLocalHosts(name, namespace).map((h) => [h, destination]),
    );
  }

  removeRevision(namespace: string, name: string): void {
    this.unbind(this.revisionHosts, revisionKey(namespace, name));
  }

  /**
   * The route's split, reused while its weights stay the same: status writes that do not change
   * the traffic (conditions, observedGeneration) must not restart the round-robin.
   */
  private splitFor(owner: string, namespace: string, route: Route): SplitDestination | undefined {
    const weights = routedWeights(route);
    if (weights.length === 0) {
      this.splits.delete(owner);
      return undefined;
    }
    const existing = this.splits.get(owner);
    if (existing && sameWeights(existing.weights, weights)) return existing;
    const split = new SplitDestination(namespace, weights);
    this.splits.set(owner, split);
    return split;
  }

  private bind(table: Map<string, HostBinding>, owner: string, bindings: Array<[string, Destination]>): void {
    const hosts: string[] = [];
    for (const [host, destination] of bindings) {
      table.set(host, { owner, destination });
      hosts.push(host);
    }
    this.hostsByOwner.set(owner, hosts);
  }

  private unbind(table: Map<string, HostBinding>, owner: string): void {
    for (const host of this.hostsByOwner.get(owner) ?? []) {
      if (table.get(host)?.owner === owner) table.delete(host);
    }
    this.hostsByOwner.delete(owner);
  }
}

/**
 * The revisions the route's hosts split over: each revision's share of `status.traffic` (the
 * route reconciler's consolidate), leaving out 0 % shares as the KIngress does (serving:
 * pkg/reconciler/route/resources/ingress.go makeBaseIngressPath).
 */
function routedWeights(route: Route): WeightedChoice<string>[] {
  return trafficShares(route.status?.traffic)
    .filter((share) => share.percent > 0)
    .map((share) => ({ value: share.revisionName, weight: share.percent }));
}

function sameWeights(a: ReadonlyArray<WeightedChoice<string>>, b: ReadonlyArray<WeightedChoice<string>>): boolean {
  return a.length === b.length && a.every((w, i) => w.value === b[i]!.value && w.weight === b[i]!.weight);
}

const routeKey = (namespace: string, name: string) => `route:${namespace}/${name}`;
const revisionKey = (namespace: string, name: string) => `revision:${namespace}/${name}`;
