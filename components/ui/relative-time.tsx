"use client";

import { useEffect, useState } from "react";
import { exactTime, timeAgo } from "./time-format";
import { Hint } from "./tooltip";

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** "5 minutes ago", with the exact time on hover and focus; re-renders as time passes. */
export function RelativeTime({ value }: { value: string | undefined }) {
  const now = useNow(30_000);
  if (!value) return <span className="text-muted">-</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return (
    <Hint content={exactTime(date)}>
      {/* The server renders "n minutes ago" a moment before the browser does; the browser's text wins. */}
      <time dateTime={date.toISOString()} className="whitespace-nowrap" suppressHydrationWarning>
        {timeAgo(date, now)}
      </time>
    </Hint>
  );
}
