import type { ResourceType } from "./resources";

/** `group/version/resource`: how the store names a kind of object. */
export const apiKey = (t: ResourceType) => `${t.group}/${t.version}/${t.resource}`;
/** `namespace/name`, or `name` for cluster-scoped objects. */
export const objectKey = (namespace: string | undefined, name: string) => (namespace ? `${namespace}/${name}` : name);
