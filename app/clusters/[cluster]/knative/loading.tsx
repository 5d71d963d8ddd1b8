import { PageHeader } from "@/components/layout/page-header";
import { ServicesTabSkeleton } from "@/components/services/services-skeleton";

export default function KnativeLoading() {
  return (
    <>
      <div className="mb-2 h-5" />
      <PageHeader title="Knative" description="Knative Serving components and services of this cluster." />
      <div className="rounded-md border border-line bg-white">
        <div className="h-[41px] border-b border-line" />
        <ServicesTabSkeleton />
      </div>
    </>
  );
}
