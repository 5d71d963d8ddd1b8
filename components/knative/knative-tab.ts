export type KnativeTab = "services" | "components";

/** `?tab=` of the Knative page; Services unless Components is asked for. */
export function parseKnativeTab(value: string | string[] | undefined | null): KnativeTab {
  return value === "components" ? "components" : "services";
}
