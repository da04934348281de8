import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Temporary files and folders carry their writer's pid (`.staging-<pid>-<ms>-<n>`), so a writer can
 * tell another run's work in progress (its owner is alive: two runs started together) from what a
 * killed run left behind (its owner is gone), and remove only the latter.
 */
export function ownedName(label: string): string {
  const name = `${label}-${process.pid}-${Date.now()}-${counter++}`;
  created.add(name);
  return name;
}

let counter = 0;
// A killed run's pid can come back as ours (containers number processes alike): what we did not make is a leftover.
const created = new Set<string>();

/** The pid in a name made by ownedName, or null when `name` is not one with that label. */
export function ownerOf(name: string, label: RegExp): number | null {
  const match = new RegExp(`^(?:${label.source})-(\\d+)-\\d+-\\d+$`).exec(name);
  return match ? Number(match[1]) : null;
}

/** Whether an entry named by ownedName was left by a process that is gone. */
export function isLeftover(name: string, label: RegExp): boolean {
  const pid = ownerOf(name, label);
  if (pid === null) return false;
  return pid === process.pid ? !created.has(name) : !isAlive(pid);
}

/** Removes the leftovers in `dir` named by ownedName with `label`, except those `keep` names. */
export async function removeLeftovers(dir: string, label: RegExp, keep: (name: string) => boolean = () => false): Promise<void> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [] as string[];
    throw error;
  });
  for (const name of names) if (isLeftover(name, label) && !keep(name)) await rm(join(dir, name), { recursive: true, force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
