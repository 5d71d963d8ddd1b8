// Resident memory of a process tree, read from /proc (Linux only).

import fs from "node:fs";

export interface ProcessMemory {
  pid: number;
  command: string;
  rssMb: number;
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((t) => fs.readFileSync(`/proc/${pid}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return []; // gone meanwhile
  }
}

function ownRssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return "?";
  }
}

/** The process and all its descendants, each with its own resident memory. */
export function processTree(pid: number): ProcessMemory[] {
  return [{ pid, command: commandOf(pid), rssMb: ownRssMb(pid) }, ...childrenOf(pid).flatMap(processTree)];
}

/** Resident memory of a process and its descendants (launchers such as tsx or `next start` run node as a child). */
export function rssMb(pid: number): number {
  return processTree(pid).reduce((sum, p) => sum + p.rssMb, 0);
}
