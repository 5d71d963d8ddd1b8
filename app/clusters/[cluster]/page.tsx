import { redirect } from "next/navigation";

export default async function ClusterHome({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  redirect(`/clusters/${encodeURIComponent(cluster)}/knative`);
}
