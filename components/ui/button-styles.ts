/** Button looks shared by <button> and <a>/<Link> elements. */
export function buttonClass(variant: "primary" | "secondary" | "danger" = "secondary"): string {
  switch (variant) {
    case "primary":
      return "inline-flex items-center gap-1.5 rounded bg-brand px-3 py-1.5 text-[13px] font-medium text-white hover:bg-brand-dark disabled:opacity-50";
    case "danger":
      // The confirming button of a deletion: the primary button, in red.
      return "inline-flex items-center gap-1.5 rounded bg-red-600 px-3 py-1.5 text-[13px] font-medium text-white hover:bg-red-700 disabled:opacity-50";
    case "secondary":
      return "inline-flex items-center gap-1.5 rounded border border-line bg-white px-2.5 py-1 text-[13px] hover:border-slate-400 disabled:opacity-50";
  }
}
