import { e2eDir, startEmbeddedCluster } from "./embedded-cluster";
import { writeIdentitiesKubeconfig } from "./identities";

export default async function globalSetup(): Promise<void> {
  await startEmbeddedCluster();
  writeIdentitiesKubeconfig(e2eDir());
}
