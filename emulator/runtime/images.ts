// How the embedded cluster decides what an image is, since it runs no containers.
//
// Unpullable images: a real cluster fails to resolve the digest of an image that does not exist.
// Here an image is unpullable when any path component of its repository, or its tag, is
// `does-not-exist`, `nonexistent` or `missing` (e.g. `ghcr.io/acme/does-not-exist`,
// `ghcr.io/knative/helloworld-go:missing`). Its Revision becomes Ready=False, ContainerMissing.
//
// Applications: `*/helloworld-go` images run the Knative helloworld sample; every other image
// runs the generic runtime described in emulator/runtime/apps.ts.

const UNPULLABLE = new Set(["does-not-exist", "nonexistent", "missing"]);

export interface ImageRef {
  /** Registry host and repository path, without tag or digest: `ghcr.io/knative/helloworld-go`. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { repository: rest, tag, digest };
}

export function isPullable(image: string): boolean {
  const ref = parseImage(image);
  const parts = ref.repository.split("/");
  return !parts.some((p) => UNPULLABLE.has(p)) && !(ref.tag && UNPULLABLE.has(ref.tag));
}

export function isHelloworld(image: string): boolean {
  const parts = parseImage(image).repository.split("/");
  return parts[parts.length - 1] === "helloworld-go";
}

/** A stable fake digest, `repo@sha256:<64 hex>`, as kn's --lock-to-digest needs a parseable one. */
export function imageDigest(image: string): string {
  const ref = parseImage(image);
  if (ref.digest) return `${ref.repository}@${ref.digest}`;
  // FNV-1a expanded to 256 bits: deterministic per image reference, no crypto needed.
  let hex = "";
  let h = 0x811c9dc5;
  for (let round = 0; round < 8; round++) {
    for (const ch of `${round}:${image}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    hex += h.toString(16).padStart(8, "0");
  }
  return `${ref.repository}@sha256:${hex}`;
}
