"use client";

// The Revision's YAML, shown when asked for: the view and its library load on the first "Show
// YAML" (lazy-yaml-view.tsx), so the page does not pay for them up front.

import { ChevronDown, ChevronRight } from "lucide-react";
import { useId, useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { Section } from "@/components/ui/section";
import type { KubeObject } from "@/lib/knative/types";
import { LazyYamlView, preloadYamlView } from "./lazy-yaml-view";

export function RevisionYamlSection({ revision, fileName }: { revision: KubeObject; fileName: string }) {
  const [shown, setShown] = useState(false);
  const contentId = useId();
  const Chevron = shown ? ChevronDown : ChevronRight;
  return (
    <Section
      title="YAML"
      flush
      actions={
        <button
          type="button"
          aria-expanded={shown}
          aria-controls={contentId}
          onClick={() => setShown((s) => !s)}
          onPointerEnter={preloadYamlView}
          onFocus={preloadYamlView}
          className={buttonClass()}
        >
          <Chevron aria-hidden className="size-3.5" />
          {shown ? "Hide YAML" : "Show YAML"}
        </button>
      }
    >
      <div id={contentId}>
        {shown ? (
          <LazyYamlView object={revision} fileName={fileName} label="Revision YAML" />
        ) : (
          <p className="px-4 py-3 text-muted">
            The revision as <code className="font-mono text-xs">kubectl get -o yaml</code> shows it, to copy or download.
          </p>
        )}
      </div>
    </Section>
  );
}
