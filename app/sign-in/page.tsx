import type { Metadata } from "next";
import { Boxes } from "lucide-react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/request-session";
import { proxyMode } from "@/lib/k8s/cluster-registry";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  // Behind an authenticating proxy the proxy signs people in; there is no token to paste.
  if (proxyMode()) redirect("/");
  const { next } = await searchParams;
  const session = currentSession();
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-50 px-4 pt-24">
      <div className="w-full max-w-lg rounded border border-line bg-white p-6 shadow-sm">
        <h1 className="mb-1 flex items-center gap-2 text-lg font-semibold">
          <Boxes aria-hidden className="size-5 text-sky-600" />
          Sign in to Knative Console
        </h1>
        <p className="mb-4 text-[13px] text-muted">
          {session ? `You are signed in as ${session.user.username}; a new token replaces that session.` : "Paste a Kubernetes bearer token. Every request to the cluster is made with it."}
        </p>
        <SignInForm next={typeof next === "string" ? next : undefined} />
      </div>
    </main>
  );
}
