"use client";

import { format, formatDistanceToNowStrict } from "date-fns";
import { useEffect, useState } from "react";
import { Hint } from "./tooltip";

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

export function exactTime(date: Date): string {
  return format(date, "yyyy-MM-dd HH:mm:ss xxx");
}

/** "5 minutes ago", with the exact time on hover and focus; re-renders as time passes. */
export function RelativeTime({ value }: { value: string | undefined }) {
  const now = useNow(30_000);
  if (!value) return <span className="text-muted">-</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  // Clocks of browser and cluster differ a little; "in 2 seconds" would only confuse.
  const label = date.getTime() > now ? "just now" : `${formatDistanceToNowStrict(date)} ago`;
  return (
    <Hint content={exactTime(date)}>
      {/* The server renders "n minutes ago" a moment before the browser does; the browser's text wins. */}
      <time dateTime={date.toISOString()} tabIndex={0} className="whitespace-nowrap" suppressHydrationWarning>
        {label}
      </time>
    </Hint>
  );
}
