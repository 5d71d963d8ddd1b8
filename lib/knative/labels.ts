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

export const AUTOSCALING_PREFIX = "autoscaling.knative.dev/";
export const ANNOTATION_MIN_SCALE = "autoscaling.knative.dev/min-scale";
export const ANNOTATION_MAX_SCALE = "autoscaling.knative.dev/max-scale";
export const ANNOTATION_INITIAL_SCALE = "autoscaling.knative.dev/initial-scale";
export const ANNOTATION_TARGET = "autoscaling.knative.dev/target";
export const ANNOTATION_METRIC = "autoscaling.knative.dev/metric";
