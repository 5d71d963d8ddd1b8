// CPU time of a process tree, read from /proc/<pid>/stat (Linux only): user + system time of
// the process and every descendant (a launcher such as tsx and the node process below it).

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { processTree } from "./process-memory";

/** Clock ticks per second of /proc's times (USER_HZ; 100 on every usual kernel). */
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** CPU seconds (user + system) one process has used so far; 0 when it is gone. */
export function ownCpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by a process and its descendants. */
export function treeCpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + ownCpuSeconds(p.pid), 0);
}

/** A process tree's CPU use between two readings, as a share of one core. */
export interface CpuWindow {
  cpuSeconds: number;
  wallSeconds: number;
  /** cpuSeconds / wallSeconds × 100: 100 % is one core busy all the time. */
  percentOfCore: number;
}

export function startCpuWindow(pid: number): () => CpuWindow {
  const cpu0 = treeCpuSeconds(pid);
  const t0 = performance.now();
  return () => {
    const cpuSeconds = treeCpuSeconds(pid) - cpu0;
    const wallSeconds = (performance.now() - t0) / 1000;
    return { cpuSeconds, wallSeconds, percentOfCore: (cpuSeconds / wallSeconds) * 100 };
  };
}
