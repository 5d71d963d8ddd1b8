/** Button looks shared by <button> and <a>/<Link> elements. */
export function buttonClass(variant: "primary" | "secondary" = "secondary"): string {
  return variant === "primary"
    ? "inline-flex items-center gap-1.5 rounded bg-brand px-3 py-1.5 text-[13px] font-medium text-white hover:bg-brand-dark disabled:opacity-50"
    : "inline-flex items-center gap-1.5 rounded border border-line bg-white px-2.5 py-1 text-[13px] hover:border-slate-400 disabled:opacity-50";
}
