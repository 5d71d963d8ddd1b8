import { TableSkeleton } from "@/components/ui/skeleton";

export function ServicesTableSkeleton() {
  return <TableSkeleton columns={8} rows={6} label="Loading services" />;
}

/** The tab while its page loads: toolbar outline plus table rows. */
export function ServicesTabSkeleton() {
  return (
    <div>
      <div className="h-[49px] border-b border-line" />
      <ServicesTableSkeleton />
    </div>
  );
}
