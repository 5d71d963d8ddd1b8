// The console's page URLs in one place; every segment is user data and is encoded.

const enc = encodeURIComponent;

export const consoleRoutes = {
  clusters: () => "/clusters",
  knative: (cluster: string, query = "") => `/clusters/${enc(cluster)}/knative${query}`,
  service: (cluster: string, namespace: string, name: string) => `/clusters/${enc(cluster)}/knative/services/${enc(namespace)}/${enc(name)}`,
  revision: (cluster: string, namespace: string, service: string, revision: string) =>
    `${consoleRoutes.service(cluster, namespace, service)}/revisions/${enc(revision)}`,
};
