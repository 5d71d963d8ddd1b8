// A detail page whose object could not be shown: it does not exist (any more), or the cluster
// said no. The page keeps its title, so the user still sees what they asked for.

import { PageHeader } from "@/components/layout/page-header";
import { ErrorState } from "@/components/ui/error-state";

export function DetailUnavailable({ title, error, what, onRetry }: { title: string; error: unknown; what: string; onRetry: () => void }) {
  return (
    <>
      <PageHeader title={title} />
      <section className="rounded-md border border-line bg-white">
        <ErrorState error={error} what={what} onRetry={onRetry} />
      </section>
    </>
  );
}
