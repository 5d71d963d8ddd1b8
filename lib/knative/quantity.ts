// Resource quantities ("250m", "128Mi", "1.5") as Kubernetes reads them (k8s.io/apimachinery
// pkg/api/resource ParseQuantity) and the checks it makes on a container's requests and limits
// (pkg/apis/core/validation ValidateResourceRequirements). Knative's webhook passes resources
// through unchecked, so the console checks them itself, with Kubernetes' words.

export const QUANTITY_FORMAT_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_SUFFIX_MESSAGE = "unable to parse quantity's suffix";

const BINARY_SUFFIXES: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL_SUFFIXES: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export type QuantityParse = { ok: true; value: number } | { ok: false; message: string };

/** ParseQuantity, to a plain number (precise enough to compare a request with its limit). */
export function parseQuantity(text: string): QuantityParse {
  const match = /^([+-]?)(\d+\.?\d*|\.\d+)(.*)$/.exec(text);
  if (!match || !/^[eEinumkKMGTP]*[-+]?[0-9]*$/.test(match[3]!)) return { ok: false, message: QUANTITY_FORMAT_MESSAGE };
  const [, sign, digits, suffix] = match as unknown as [string, string, string, string];
  const exponent = /^[eE]([+-]?\d+)$/.exec(suffix);
  const multiplier = exponent ? 10 ** Number(exponent[1]) : (BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix]);
  if (multiplier === undefined) return { ok: false, message: QUANTITY_SUFFIX_MESSAGE };
  return { ok: true, value: (sign === "-" ? -1 : 1) * Number(digits) * multiplier };
}

export interface QuantityProblem {
  kind: "requests" | "limits";
  resource: string;
  message: string;
}

/**
 * What Kubernetes would refuse in a container's requests and limits: a quantity that does not
 * parse, a negative one, or a request above its limit.
 */
export function checkResourceQuantities(requests: Record<string, string> = {}, limits: Record<string, string> = {}): QuantityProblem[] {
  const problems: QuantityProblem[] = [];
  const parsed = (kind: QuantityProblem["kind"], map: Record<string, string>) => {
    const values = new Map<string, number>();
    for (const [resource, text] of Object.entries(map)) {
      const q = parseQuantity(text);
      if (!q.ok) problems.push({ kind, resource, message: q.message });
      else if (q.value < 0) problems.push({ kind, resource, message: "must be greater than or equal to 0" });
      else values.set(resource, q.value);
    }
    return values;
  };
  const requested = parsed("requests", requests);
  const limited = parsed("limits", limits);
  for (const [resource, value] of requested) {
    const limit = limited.get(resource);
    if (limit !== undefined && value > limit) {
      problems.push({ kind: "requests", resource, message: `must be less than or equal to ${resource} limit of ${limits[resource]}` });
    }
  }
  return problems;
}
