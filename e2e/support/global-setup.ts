import { startEmbeddedCluster } from "./embedded-cluster";

export default async function globalSetup(): Promise<void> {
  await startEmbeddedCluster();
}
