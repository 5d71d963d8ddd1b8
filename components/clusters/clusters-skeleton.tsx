import { TableSkeleton } from "@/components/ui/skeleton";

export function ClustersTableSkeleton() {
  return <TableSkeleton columns={7} rows={3} label="Loading clusters" />;
}
