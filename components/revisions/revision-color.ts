// Each revision keeps one colour everywhere (split bar, tables, later sliders and charts). The
// colour follows the revision's number (`<service>-00002` is always the second colour), so it is
// stable across pages and reloads without any shared state.

export const REVISION_PALETTE = ["#2f6fed", "#f08c00", "#12a150", "#9b45e4", "#e5407a", "#0e9aa7", "#b8860b", "#5b6b82"] as const;

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

export function revisionColor(revisionName: string): string {
  const number = /-(\d+)$/.exec(revisionName)?.[1];
  const index = number ? Number(number) - 1 : hash(revisionName);
  return REVISION_PALETTE[((index % REVISION_PALETTE.length) + REVISION_PALETTE.length) % REVISION_PALETTE.length]!;
}
