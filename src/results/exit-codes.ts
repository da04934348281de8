/** Every exit code conform uses, in one place (README "Exit codes" documents the same table). */
export const EXIT = {
  /** Ran, and nothing breaking was found. */
  pass: 0,
  /** Ran, and found at least one breaking finding. */
  fail: 1,
  /** Could not run: usage, configuration or a document that cannot be loaded. */
  cannotRun: 2,
  /** Ran, found nothing breaking, but transport errors, 5xx or 429 answers left too many cases of a vendor unverified. */
  inconclusive: 3,
  /** Interrupted (Ctrl-C) while the cases ran: nothing written, the previous reports left as they were. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
