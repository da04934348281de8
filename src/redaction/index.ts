// Secret redaction, the one step every writer and log line passes through: see redact.ts.
export { REDACTED, redactCaseResults, redactStrings, redactText, secretForms } from './redact.ts';
