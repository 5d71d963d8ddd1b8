import Link from "next/link";
import { AppFrame } from "@/components/layout/app-frame";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <AppFrame>
      <div className="rounded-md border border-line bg-white">
        <EmptyState title="This page does not exist">
          <Link href="/clusters" className="text-brand hover:underline">
            Go to Clusters
          </Link>
        </EmptyState>
      </div>
    </AppFrame>
  );
}
