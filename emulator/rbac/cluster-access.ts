// The embedded cluster's side of access control, beyond what its API server does itself: the
// seeded identities' tokens and the ServiceAccount signing key (in the data dir, owner-only),
// Knative's aggregated roles, the identities' grants when they are new to the data dir, and the
// controllers that keep aggregated ClusterRoles and `default` ServiceAccounts current.

import { loadOrCreateServiceAccountKey } from "../credentials/service-account-key";
import { tokenFile, tokenPath } from "../credentials/token";
import type { Registry } from "../core/registry";
import { startClusterRoleAggregation } from "./aggregation";
import { grantAccess, SEEDED_IDENTITIES, type Identity } from "./identities";
import { ensureKnativeRoles } from "./knative-roles";
import { startServiceAccountController } from "./service-account-controller";
import { ServiceAccountTokens } from "./service-account-tokens";
import type { UserInfo } from "./user";

export interface SeededIdentity {
  context: string;
  user: UserInfo;
  token: string;
  /** Where the token is kept: DATA_DIR/token-{viewer,developer}. */
  tokenFile: string;
}

export interface ClusterAccess {
  identities: readonly SeededIdentity[];
  serviceAccountTokens: ServiceAccountTokens;
  /** Once the namespaces exist: roles, grants of new identities, controllers. Returns what stops the controllers. */
  start(registry: Registry): () => void;
}

export function prepareClusterAccess(dataDir: string): ClusterAccess {
  const loaded = SEEDED_IDENTITIES.map((identity) => ({ identity, ...tokenFile(dataDir, identity.tokenFile) }));
  const serviceAccountTokens = new ServiceAccountTokens(loadOrCreateServiceAccountKey(dataDir));
  return {
    identities: loaded.map(({ identity, token }) => ({ context: identity.context, user: identity.user, token, tokenFile: tokenPath(dataDir, identity.tokenFile) })),
    serviceAccountTokens,
    start(registry) {
      ensureKnativeRoles(registry);
      const introduced: Identity[] = loaded.filter((l) => l.created).map((l) => l.identity);
      for (const identity of introduced) grantAccess(registry, identity);
      const stops = [startClusterRoleAggregation(registry), startServiceAccountController(registry)];
      return () => stops.forEach((stop) => stop());
    },
  };
}
