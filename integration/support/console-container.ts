// The console as a pod of deploy/deployment.yaml runs it, from the image deploy/Dockerfile builds
// (`npm run test:image`): its user, a read-only root filesystem with an empty /tmp, no
// capabilities, and the service account's files mounted where the kubelet mounts them. The host's
// network, so the container reaches the embedded cluster on loopback and the tests reach it there.

import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { IN_CLUSTER_ROOT_ENV, SERVICE_ACCOUNT_DIR } from "@/lib/auth/token-cluster";
import { untilListening } from "./console-output";
import type { RunningConsole } from "./standalone-console";

const exec = promisify(execFile);
/** The Docker client scripts/test-image.ts used. */
const DOCKER = process.env.DOCKER || "docker";
/** deploy/Dockerfile's USER and deploy/deployment.yaml's runAsUser and runAsGroup. */
export const IMAGE_USER = 65532;

const docker = async (...args: string[]) => (await exec(DOCKER, args, { maxBuffer: 16 * 1024 * 1024 })).stdout.trim();

/** Runs `image` with the console's `args` on `port`, resolving once it listens (or failing with its output). */
export async function startConsoleContainer(image: string, port: number, args: string[], env: Record<string, string>): Promise<RunningConsole> {
  const name = `knative-console-test-${port}-${process.pid}`;
  // The tests' stand-in for the service account's mount (a directory holding var/run/secrets/…)
  // becomes the mount itself.
  const { [IN_CLUSTER_ROOT_ENV]: mountRoot, ...podEnv } = env;
  const mounts = mountRoot ? ["--volume", `${path.join(mountRoot, SERVICE_ACCOUNT_DIR)}:${SERVICE_ACCOUNT_DIR}:ro`] : [];
  await docker(
    "run", "--detach", "--name", name, "--network", "host",
    // deploy/deployment.yaml's securityContext: runAsUser 65532, readOnlyRootFilesystem, drop ALL,
    // allowPrivilegeEscalation false; its memory limit; its emptyDir on /tmp.
    "--user", `${IMAGE_USER}:${IMAGE_USER}`, "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
    "--memory", "512m", "--tmpfs", "/tmp:rw,mode=1777,size=64m",
    ...mounts,
    ...Object.entries(podEnv).flatMap(([key, value]) => ["--env", `${key}=${value}`]),
    image, "--host", "127.0.0.1", "--port", String(port), ...args,
  );
  const remove = () => docker("rm", "--force", name).then(() => undefined);
  // The container's output as it comes; `docker logs --follow` ends when the container does.
  const follow = spawn(DOCKER, ["logs", "--follow", name], { stdio: ["ignore", "pipe", "pipe"] });
  const ended = new Promise<void>((resolve) => follow.once("exit", () => resolve()));
  const output = await untilListening(follow, remove);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: Number(await docker("inspect", "-f", "{{.State.Pid}}", name)),
    output,
    async stop() {
      await docker("stop", "-t", "10", name);
      await ended;
      await remove();
    },
  };
}
