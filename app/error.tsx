"use client";

import { ErrorState } from "@/components/ui/error-state";

/** Last resort for a page that failed to render; its message never includes a credential (see lib/k8s/redact.ts). */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="m-6 rounded-md border border-line bg-white">
      <ErrorState error={error} what="this page" onRetry={reset} />
    </div>
  );
}
