// Environment variable names as Kubernetes checks them when it validates the Pod a revision runs
// (k8s.io/apimachinery pkg/util/validation IsRelaxedEnvVarName, the rule since
// RelaxedEnvironmentVariableValidation became the default). Knative's webhook only refuses
// empty and reserved names, so without this a bad name would be accepted and the revision would
// then fail to start.

const RELAXED_ENV_VAR_NAME = /^[ -<>-~]+$/;

export const ENV_VAR_NAME_MESSAGE = "a valid environment variable name must consist only of printable ASCII characters other than '='";

/** The problems with `name` as an environment variable name; empty means valid. */
export function isEnvVarName(name: string): string[] {
  return RELAXED_ENV_VAR_NAME.test(name) ? [] : [ENV_VAR_NAME_MESSAGE];
}
