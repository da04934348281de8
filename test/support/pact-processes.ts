import { readdirSync, readFileSync } from 'node:fs';

/** This process's children running pact-process (a contract recording's pact-core processes), by pid. Linux only (/proc). */
export function pactProcesses(): string[] {
  return readdirSync('/proc').filter((pid) => {
    try {
      // ppid is the second field after the command's closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('pact-process');
    } catch {
      return false; // not a process, or one that ended between the listing and the read
    }
  });
}
