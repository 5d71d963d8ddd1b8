import { cn } from "@/components/ui/cn";

/**
 * A figure that changes every second, drawn so that nothing around it moves when it does.
 * - One text node, left-aligned: its first glyph stays where it is whatever the digits that
 *   follow (right-aligned, or split into several nodes, the text after a narrower figure slides
 *   over, and Chromium counts each such slide as a layout shift).
 * - Tabular digits, in a box at least `minCh` digits wide: a table sizes its columns to their
 *   contents, so a figure that grows a digit would otherwise widen its column and move every
 *   column after it.
 */
export function LiveValue({ children, minCh, className }: { children: string; minCh: number; className?: string }) {
  return (
    <span className={cn("inline-block tabular-nums", className)} style={{ minWidth: `${minCh}ch` }}>
      {children}
    </span>
  );
}
