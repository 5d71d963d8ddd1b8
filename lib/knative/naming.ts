// Names Knative generates for child objects.

import { md5Hex } from "./md5";

/** The longest name Kubernetes allows for most objects (a DNS-1123 label). */
const LONGEST = 63;
const MD5_HEX_LENGTH = 32;
/** How much of the parent is kept when the hash has to be inserted. */
const HEAD = LONGEST - MD5_HEX_LENGTH;

/**
 * kmeta.ChildName (knative.dev/pkg kmeta/names.go): `parent + suffix` when that fits in 63
 * characters; otherwise the parent is truncated and the md5 of the parent inserted before the
 * suffix; and when the suffix alone leaves no room, `parent[:31] + md5(parent + suffix)` padded
 * with the start of the suffix, trimmed so it ends with an alphanumeric character.
 * Lengths are in bytes, as in Go; Kubernetes names are ASCII.
 */
export function childName(parent: string, suffix: string): string {
  if (parent.length <= LONGEST - suffix.length) return parent + suffix;
  if (HEAD - suffix.length <= 0) {
    const hash = md5Hex(parent + suffix);
    let name = parent.slice(0, HEAD) + hash;
    const room = LONGEST - name.length;
    if (room > 0) name += suffix.slice(0, room);
    return trimToAlphanumericEnd(name);
  }
  return parent.slice(0, HEAD - suffix.length) + md5Hex(parent) + suffix;
}

/** kmeta makeValidName: drop trailing characters until the name ends with [a-zA-Z0-9]. */
function trimToAlphanumericEnd(name: string): string {
  let end = name.length;
  while (end > 0 && !/[a-zA-Z0-9]/.test(name[end - 1]!)) end--;
  return name.slice(0, end);
}

/** The Revision a Configuration stamps for a generation: `hello-00001` (serving: configuration/resources/revision.go). */
export function revisionName(configurationName: string, generation: number): string {
  return childName(configurationName, `-${String(generation).padStart(5, "0")}`);
}

/** The Deployment that runs a Revision: `hello-00001-deployment` (serving: revision/resources/names/names.go). */
export function deploymentName(revision: string): string {
  return childName(revision, "-deployment");
}
