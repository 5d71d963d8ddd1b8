// Files that hold the embedded cluster's credentials (its token, its TLS key, the kubeconfig that
// carries both): readable by their owner only, as kubectl keeps ~/.kube/config and kubeadm
// /etc/kubernetes/pki; written atomically, so a reader never sees half a file and a crash never
// leaves an empty one in place of the old.

import fs from "node:fs";
import { DataDirError } from "../store/sqlite-store";

export const OWNER_ONLY = 0o600;

export function writeOwnerOnlyFile(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    // A leftover temporary file from a crashed run would keep its old mode: start from nothing,
    // and create it exclusively, so the mode below is the one the file gets.
    fs.rmSync(tmp, { force: true });
    const fd = fs.openSync(tmp, "wx", OWNER_ONLY);
    try {
      fs.writeFileSync(fd, text);
      // On disk before the rename, or a power cut could leave the new name on an empty file.
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    throw new DataDirError(`cannot write ${file}: ${(err as Error).message}`);
  }
}

/**
 * The file's text; `undefined` when there is none; "" for something that is not a regular file
 * (a symlink, a directory), which the caller then replaces. A file others could read is made
 * owner-only first (copied around, or written under an old umask), and the console says so.
 */
export function readOwnerOnlyFile(file: string): string | undefined {
  let fd: number;
  try {
    // O_NOFOLLOW: never read, or chmod, whatever a symlink planted in the data dir points to.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (code === "ELOOP") return "";
    throw new DataDirError(`cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return "";
    if ((stat.mode & 0o077) !== 0) {
      fs.fchmodSync(fd, OWNER_ONLY);
      console.log(`embedded cluster: ${file} was readable by others; its mode is now 0600`);
    }
    return fs.readFileSync(fd, "utf8");
  } finally {
    fs.closeSync(fd);
  }
}
