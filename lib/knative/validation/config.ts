// The cluster configuration Knative's webhooks read (config-features, config-defaults,
// config-autoscaler), with the stock defaults of Knative Serving v1.23:
// serving pkg/apis/config/features.go defaultFeaturesConfig, pkg/apis/config/defaults.go
// defaultDefaultsConfig, pkg/autoscaler/config/config.go defaultConfig.

/** A config-features flag. "Allowed" turns the feature on without forcing it. */
export type FeatureFlag = "Enabled" | "Disabled" | "Allowed" | "AllowRootBounded";

export interface Features {
  multiContainer: FeatureFlag;
  multiContainerProbing: FeatureFlag;
  podSpecAffinity: FeatureFlag;
  podSpecTopologySpreadConstraints: FeatureFlag;
  podSpecHostAliases: FeatureFlag;
  podSpecFieldRef: FeatureFlag;
  podSpecNodeSelector: FeatureFlag;
  podSpecRuntimeClassName: FeatureFlag;
  podSpecSecurityContext: FeatureFlag;
  podSpecShareProcessNamespace: FeatureFlag;
  podSpecHostIPC: FeatureFlag;
  podSpecHostPID: FeatureFlag;
  podSpecHostNetwork: FeatureFlag;
  podSpecPriorityClassName: FeatureFlag;
  podSpecSchedulerName: FeatureFlag;
  containerSpecAddCapabilities: FeatureFlag;
  podSpecTolerations: FeatureFlag;
  podSpecVolumesEmptyDir: FeatureFlag;
  podSpecVolumesHostPath: FeatureFlag;
  podSpecVolumesMountPropagation: FeatureFlag;
  podSpecVolumesCSI: FeatureFlag;
  podSpecVolumesEphemeral: FeatureFlag;
  podSpecVolumesImage: FeatureFlag;
  podSpecPersistentVolumeClaim: FeatureFlag;
  podSpecPersistentVolumeWrite: FeatureFlag;
  podSpecInitContainers: FeatureFlag;
  podSpecDNSPolicy: FeatureFlag;
  podSpecDNSConfig: FeatureFlag;
  securePodDefaults: FeatureFlag;
}

export interface ServingDefaults {
  revisionTimeoutSeconds: number;
  maxRevisionTimeoutSeconds: number;
  revisionResponseStartTimeoutSeconds: number;
  revisionIdleTimeoutSeconds: number;
  userContainerName: string;
  initContainerName: string;
  containerConcurrency: number;
  containerConcurrencyMaxLimit: number;
  allowContainerConcurrencyZero: boolean;
  /** Tri-state in config-defaults; `undefined` leaves the field unset. */
  enableServiceLinks: boolean | undefined;
  /** revision-cpu-request and friends: quantities, unset by default. */
  revisionCPURequest?: string;
  revisionCPULimit?: string;
  revisionMemoryRequest?: string;
  revisionMemoryLimit?: string;
  revisionEphemeralStorageRequest?: string;
  revisionEphemeralStorageLimit?: string;
}

export interface AutoscalerConfig {
  podAutoscalerClass: string;
  /** 0 means no limit. */
  maxScaleLimit: number;
  allowZeroInitialScale: boolean;
}

export interface ServingConfig {
  features: Features;
  defaults: ServingDefaults;
  autoscaler: AutoscalerConfig;
}

export const KPA_CLASS = "kpa.autoscaling.knative.dev";
export const HPA_CLASS = "hpa.autoscaling.knative.dev";

export const DEFAULT_FEATURES: Readonly<Features> = Object.freeze({
  multiContainer: "Enabled",
  multiContainerProbing: "Disabled",
  podSpecAffinity: "Disabled",
  podSpecTopologySpreadConstraints: "Disabled",
  podSpecHostAliases: "Disabled",
  podSpecFieldRef: "Disabled",
  podSpecNodeSelector: "Disabled",
  podSpecRuntimeClassName: "Disabled",
  podSpecSecurityContext: "Disabled",
  podSpecShareProcessNamespace: "Disabled",
  podSpecHostIPC: "Disabled",
  podSpecHostPID: "Disabled",
  podSpecHostNetwork: "Disabled",
  podSpecPriorityClassName: "Disabled",
  podSpecSchedulerName: "Disabled",
  containerSpecAddCapabilities: "Disabled",
  podSpecTolerations: "Disabled",
  podSpecVolumesEmptyDir: "Enabled",
  podSpecVolumesHostPath: "Disabled",
  podSpecVolumesMountPropagation: "Disabled",
  podSpecVolumesCSI: "Disabled",
  podSpecVolumesEphemeral: "Disabled",
  podSpecVolumesImage: "Disabled",
  podSpecPersistentVolumeClaim: "Disabled",
  podSpecPersistentVolumeWrite: "Disabled",
  podSpecInitContainers: "Disabled",
  podSpecDNSPolicy: "Disabled",
  podSpecDNSConfig: "Disabled",
  securePodDefaults: "Disabled",
});

/**
 * `revision-timeout-seconds`: the timeoutSeconds a revision gets when it sets none (serving:
 * pkg/apis/config/defaults.go DefaultRevisionTimeoutSeconds). Code that reads an undefaulted
 * spec falls back to it too.
 */
export const DEFAULT_REVISION_TIMEOUT_SECONDS = 5 * 60;
/** `max-revision-timeout-seconds` (DefaultMaxRevisionTimeoutSeconds): the largest timeoutSeconds accepted. */
export const DEFAULT_MAX_REVISION_TIMEOUT_SECONDS = 10 * 60;
/** `container-name-template` (DefaultServingContainerName): the name of an unnamed serving container. */
export const DEFAULT_SERVING_CONTAINER_NAME = "user-container";

export const DEFAULT_SERVING_DEFAULTS: Readonly<ServingDefaults> = Object.freeze({
  revisionTimeoutSeconds: DEFAULT_REVISION_TIMEOUT_SECONDS,
  maxRevisionTimeoutSeconds: DEFAULT_MAX_REVISION_TIMEOUT_SECONDS,
  // NewDefaultsConfigFromMap starts it at revision-timeout-seconds unless set on its own.
  revisionResponseStartTimeoutSeconds: DEFAULT_REVISION_TIMEOUT_SECONDS,
  revisionIdleTimeoutSeconds: 0,
  userContainerName: DEFAULT_SERVING_CONTAINER_NAME,
  initContainerName: "init-container",
  containerConcurrency: 0,
  containerConcurrencyMaxLimit: 1000,
  allowContainerConcurrencyZero: true,
  enableServiceLinks: false,
});

export const DEFAULT_AUTOSCALER_CONFIG: Readonly<AutoscalerConfig> = Object.freeze({
  podAutoscalerClass: KPA_CLASS,
  maxScaleLimit: 0,
  allowZeroInitialScale: false,
});

/** What a stock Knative Serving install uses. */
export const DEFAULT_SERVING_CONFIG: Readonly<ServingConfig> = Object.freeze({
  features: DEFAULT_FEATURES,
  defaults: DEFAULT_SERVING_DEFAULTS,
  autoscaler: DEFAULT_AUTOSCALER_CONFIG,
});

/** The stock config with some parts overridden (e.g. a feature flag turned on). */
export function servingConfig(overrides: { features?: Partial<Features>; defaults?: Partial<ServingDefaults>; autoscaler?: Partial<AutoscalerConfig> } = {}): ServingConfig {
  return {
    features: { ...DEFAULT_FEATURES, ...overrides.features },
    defaults: { ...DEFAULT_SERVING_DEFAULTS, ...overrides.defaults },
    autoscaler: { ...DEFAULT_AUTOSCALER_CONFIG, ...overrides.autoscaler },
  };
}

/** Fields gated by a flag are accepted unless the flag is Disabled (fieldmask.go uses `!= Disabled`). */
export const featureAllows = (flag: FeatureFlag) => flag !== "Disabled";
/** Behaviour switched on only by Enabled (k8s_validation.go uses `== Enabled`). */
export const featureEnabled = (flag: FeatureFlag) => flag === "Enabled";
