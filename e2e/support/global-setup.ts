import { e2eDir, startEmbeddedCluster } from "./embedded-cluster";
import { writeIdentitiesKubeconfig } from "./identities";

export default async function globalSetup(): Promise<void> {
  await startEmbeddedCluster({ gatewayPort: Number(process.env.KNATIVE_E2E_GATEWAY_PORT ?? 0) });
  writeIdentitiesKubeconfig(e2eDir());
}
