// Whether an image reference parses, as go-containerregistry's name.ParseReference does with
// WeakValidation (serving: k8s_validation.go validate(); go-containerregistry: pkg/name/ref.go,
// tag.go, digest.go, repository.go, registry.go, check.go). A reference is a tag reference
// (`[registry/]repo[:tag]`) or a digest reference (`[registry/]repo[:tag]@sha256:<64 hex>`).

const TAG_CHARS = /^[A-Za-z0-9_.-]{1,128}$/;
const REPOSITORY_CHARS = /^[a-z0-9_./-]{1,255}$/;
const SHA256_HEX = /^[a-f0-9]{64}$/;
// An RFC 3986 authority as Go's url.Parse("//" + name).Host gives it back unchanged:
// host (reg-name or IPv4 or [IPv6]) and an optional numeric port.
const REGISTRY = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=%]*|\[[0-9A-Fa-f:.]+\])(?::[0-9]*)?$/;

/** The go-containerregistry error text, or undefined when the reference parses. */
export function parseImageReferenceError(ref: string): string | undefined {
  if (isTagReference(ref) || isDigestReference(ref)) return undefined;
  return `could not parse reference: ${ref}`;
}

function isTagReference(name: string): boolean {
  let base = name;
  const parts = name.split(":");
  const last = parts[parts.length - 1]!;
  // A colon followed by a "/" belongs to a registry host:port, not to a tag.
  if (parts.length > 1 && !last.includes("/")) {
    base = parts.slice(0, -1).join(":");
    if (last === "" || !TAG_CHARS.test(last)) return false;
  }
  return isRepository(base);
}

function isDigestReference(name: string): boolean {
  const parts = name.split("@");
  if (parts.length !== 2) return false;
  const [base, digest] = parts as [string, string];
  if (!digest.startsWith("sha256:") || !SHA256_HEX.test(digest.slice("sha256:".length))) return false;
  // NewDigest accepts `repo:tag@sha256:…` by parsing the base as a tag first.
  return isTagReference(base) || isRepository(base);
}

function isRepository(name: string): boolean {
  if (name.length === 0) return false;
  let repo = name;
  let registry = "";
  const slash = name.indexOf("/");
  if (slash >= 0) {
    const maybeRegistry = name.slice(0, slash);
    if (maybeRegistry === "localhost" || /[.:]/.test(maybeRegistry)) {
      registry = maybeRegistry;
      repo = name.slice(slash + 1);
    }
  }
  return REPOSITORY_CHARS.test(repo) && REGISTRY.test(registry);
}
