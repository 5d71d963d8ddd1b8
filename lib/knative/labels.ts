// Label and annotation keys Knative Serving uses (serving: pkg/apis/serving/register.go).
export const LABEL_SERVICE = "serving.knative.dev/service";
export const LABEL_SERVICE_UID = "serving.knative.dev/serviceUID";
export const LABEL_CONFIGURATION = "serving.knative.dev/configuration";
export const LABEL_CONFIGURATION_UID = "serving.knative.dev/configurationUID";
export const LABEL_CONFIGURATION_GENERATION = "serving.knative.dev/configurationGeneration";
export const LABEL_REVISION = "serving.knative.dev/revision";
export const LABEL_REVISION_UID = "serving.knative.dev/revisionUID";
export const LABEL_ROUTING_STATE = "serving.knative.dev/routingState";
export const LABEL_VISIBILITY = "networking.knative.dev/visibility";

export const ANNOTATION_CREATOR = "serving.knative.dev/creator";
export const ANNOTATION_LAST_MODIFIER = "serving.knative.dev/lastModifier";
export const ANNOTATION_ROUTES = "serving.knative.dev/routes";
export const ANNOTATION_ROUTING_STATE_MODIFIED = "serving.knative.dev/routingStateModified";
export const ANNOTATION_LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** serving: pkg/apis/autoscaling/register.go GroupName. */
export const AUTOSCALING_GROUP = "autoscaling.knative.dev";
/** Every autoscaling annotation key starts so; the keys themselves are in annotation-keys.ts. */
export const AUTOSCALING_PREFIX = `${AUTOSCALING_GROUP}/`;
