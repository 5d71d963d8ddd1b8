"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Ends the session (DELETE /api/session clears its cookie) and goes to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      className="rounded px-2 py-1 text-[13px] text-white/80 hover:bg-white/10 hover:text-white disabled:opacity-50"
      onClick={async () => {
        setBusy(true);
        await fetch("/api/session", { method: "DELETE" }).catch(() => undefined);
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
