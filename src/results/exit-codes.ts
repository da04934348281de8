/** Every exit code conform uses, in one place (README "Exit codes" documents the same table). */
export const EXIT = {
  /** Ran, and nothing breaking was found. */
  pass: 0,
  /** Ran, and found at least one breaking finding. */
  fail: 1,
  /** Could not run: usage, configuration, a document or suite that cannot be loaded, or no vendor reached at all (nothing listening, no such host). */
  cannotRun: 2,
  /** Ran, found nothing breaking, but a vendor left too many cases unverified: failures after connecting, 5xx or 429 answers, bodies not checked. */
  inconclusive: 3,
  /** Interrupted (Ctrl-C) while the cases ran: nothing written, the previous reports left as they were. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
