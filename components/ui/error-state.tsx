"use client";

import { AlertTriangle, Lock, SearchX, Unplug } from "lucide-react";
import type { ReactNode } from "react";
import { StatusError } from "@/lib/queries/status";
import { buttonClass } from "./button-styles";

interface Explanation {
  title: string;
  icon: ReactNode;
  hint?: string;
}

function explain(code: number, what: string): Explanation {
  if (code === 0) return { title: "The console server is not reachable", icon: <Unplug className="size-8" />, hint: "Check that it is still running." };
  if (code === 401) return { title: "The cluster rejected the credentials", icon: <Lock className="size-8" />, hint: "Sign in again, or renew the credentials of the kubeconfig context." };
  if (code === 403) return { title: `Access denied to ${what}`, icon: <Lock className="size-8" />, hint: "The account the console acts as lacks the RBAC permission." };
  if (code === 404) return { title: `${what[0]?.toUpperCase()}${what.slice(1)} not found`, icon: <SearchX className="size-8" /> };
  if (code === 409) return { title: `${what[0]?.toUpperCase()}${what.slice(1)} changed since you opened it`, icon: <AlertTriangle className="size-8" />, hint: "Nothing was overwritten. Look at the current version and try again." };
  if (code === 400 || code === 422) return { title: "The cluster refused the request", icon: <AlertTriangle className="size-8" />, hint: "Nothing was changed." };
  if (code === 503) return { title: "The cluster is not reachable", icon: <Unplug className="size-8" />, hint: "The page recovers by itself when the cluster answers again." };
  if (code === 504) return { title: "The cluster did not answer in time", icon: <Unplug className="size-8" /> };
  if (code >= 500) return { title: `The cluster could not return ${what}`, icon: <AlertTriangle className="size-8" /> };
  return { title: `Could not load ${what}`, icon: <AlertTriangle className="size-8" /> };
}

/** What went wrong, in words: the Status message from the cluster plus what to do about it. */
export function ErrorState({ error, what, onRetry }: { error: unknown; what: string; onRetry?: () => void }) {
  const status = error instanceof StatusError ? error.status : undefined;
  const code = status?.code ?? 500;
  const { title, icon, hint } = explain(code, what);
  return (
    <div role="alert" className="flex flex-col items-center gap-2 px-6 py-10 text-center">
      <span aria-hidden className="text-red-400">
        {icon}
      </span>
      <p className="font-medium text-ink">{title}</p>
      <p className="max-w-xl break-words text-muted">{status?.message ?? (error instanceof Error ? error.message : String(error))}</p>
      {hint ? <p className="max-w-xl text-muted">{hint}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry} className={buttonClass("secondary") + " mt-2"}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
