import fs from "node:fs";
import { e2eDir, readClusterState, stopEmbeddedCluster } from "./embedded-cluster";

export default async function globalTeardown(): Promise<void> {
  try {
    await stopEmbeddedCluster(readClusterState());
  } finally {
    if (!process.env.KNATIVE_E2E_KEEP) fs.rmSync(e2eDir(), { recursive: true, force: true });
  }
}
