import type { FindingId } from '../../findings/index.ts';

/**
 * One entry of conform.waivers.yaml: accepts findings of one vendor, by fingerprint or by id and an
 * optional pointer pattern, for a reason, until a date.
 */
export type Waiver = WaiverTerms & ({ fingerprint: string } | { id: FindingId; pointer: string | null });

export interface WaiverTerms {
  /** 1-based position in the file, and the line it starts on, for messages. */
  entry: number;
  line: number;
  vendor: string;
  reason: string;
  /** YYYY-MM-DD: the last day (UTC) the waiver applies. */
  expires: string;
}
