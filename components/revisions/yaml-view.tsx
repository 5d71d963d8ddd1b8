"use client";

import { Download } from "lucide-react";
import { useMemo } from "react";
import { stringify } from "yaml";
import { buttonClass } from "@/components/ui/button-styles";
import { CopyButton } from "@/components/ui/copy-button";
import type { KubeObject } from "@/lib/knative/types";

/** The object as `kubectl get -o yaml` would show it; read-only, with copy and download. */
export function YamlView({ object, fileName, label }: { object: KubeObject; fileName: string; label: string }) {
  const text = useMemo(() => stringify(object, { lineWidth: 0 }), [object]);
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };
  return (
    <div>
      <div className="flex justify-end gap-2 border-b border-line px-3 py-2">
        <CopyButton text={text} label="Copy YAML" />
        <button type="button" onClick={download} className={buttonClass()}>
          <Download aria-hidden className="size-3.5" />
          Download
        </button>
      </div>
      <pre aria-label={label} tabIndex={0} className="max-h-[32rem] overflow-auto bg-slate-50 p-4 font-mono text-xs leading-relaxed">
        {text}
      </pre>
    </div>
  );
}
