import { PageHeader } from "@/components/layout/page-header";
import { Section } from "@/components/ui/section";
import { Skeleton, TableSkeleton } from "@/components/ui/skeleton";

export function ServiceDetailSkeleton({ name }: { name: string }) {
  return (
    <>
      <PageHeader title={name} />
      <div className="flex flex-col gap-4">
        <Section title="Basic Information">
          <div role="status" aria-label="Loading service" className="grid grid-cols-2 gap-x-8 gap-y-3">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-4 w-2/3" />
            ))}
          </div>
        </Section>
        <Section title="Revision Information" flush>
          <TableSkeleton columns={8} rows={2} label="Loading revisions" />
        </Section>
      </div>
    </>
  );
}
