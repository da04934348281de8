/** Every exit code conform uses, in one place (README "Exit codes" documents the same table). */
export const EXIT = {
  /** Ran, and nothing breaking was found. */
  pass: 0,
  /** Ran, and found at least one breaking finding. */
  fail: 1,
  /** Could not run: usage, configuration or a document that cannot be loaded. */
  cannotRun: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
