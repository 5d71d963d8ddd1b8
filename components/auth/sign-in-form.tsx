"use client";

// The sign-in form of --auth token: a Kubernetes bearer token pasted in, sent once to
// /api/session, which asks the cluster whose it is and keeps it in an HttpOnly cookie. The
// token lives in this form only until it is sent; a refusal shows the cluster's own message.

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { type KubeStatus } from "@/lib/queries/status";

/** Only paths of this console: `next` comes from the URL, which anyone can write. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/clusters";
}

export function SignInForm({ next }: { next?: string }) {
  const router = useRouter();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
      if (!res.ok) {
        const status = (await res.json().catch(() => null)) as KubeStatus | null;
        const causes = status?.details?.causes?.map((c) => c.message).filter(Boolean);
        setError(causes?.length ? causes.join(" ") : (status?.message ?? `The console answered ${res.status}.`));
        return;
      }
      setToken("");
      router.replace(safeNext(next));
      router.refresh();
    } catch {
      setError("The console server is not reachable.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" aria-label="Sign in">
      <label htmlFor="token" className="text-[13px] font-medium text-ink">
        Kubernetes bearer token
      </label>
      <textarea
        id="token"
        name="token"
        value={token}
        onChange={(e) => setToken(e.target.value)}
        rows={5}
        required
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "token-error token-hint" : "token-hint"}
        className="w-full rounded border border-line bg-white p-2 font-mono text-[12px] text-ink hover:border-slate-400 focus-visible:border-brand aria-[invalid=true]:border-red-500"
      />
      <p id="token-hint" className="text-[12px] text-muted">
        For a service account: <code className="font-mono">kubectl create token NAME -n NAMESPACE</code>. The cluster&apos;s RBAC decides what you can do.
      </p>
      {error ? (
        <p id="token-error" role="alert" className="text-[13px] text-red-700">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className={buttonClass("primary")} disabled={busy || token.trim() === ""}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
