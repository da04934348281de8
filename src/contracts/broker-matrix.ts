import type { BrokerSettings } from './broker.ts';
import { askBroker, BrokerError } from './broker-http.ts';

/** Which version of a pacticipant is to be deployed, and where. */
export interface DeployQuestion {
  pacticipant: string;
  /** A version number; null asks about the latest version (of `branch`, when set). */
  version: string | null;
  branch: string | null;
  /** The environment it goes to; null checks against the latest version of each integrated pacticipant. */
  environment: string | null;
}

export interface MatrixRow {
  consumer: string;
  consumerVersion: string;
  provider: string;
  /** null when no provider version verified the pact. */
  providerVersion: string | null;
  /** The verification result; null when there is none. */
  success: boolean | null;
}

export interface DeployAnswer {
  deployable: boolean;
  /** The broker's notices, else the lines of its summary's reason. */
  reasons: string[];
  rows: MatrixRow[];
}

/**
 * Asks the broker's matrix (GET /matrix), as the Pact CLI's can-i-deploy does: one selector for the
 * pacticipant version, latestby=cvp, and the environment or the latest versions of the others.
 * A broker answer without a summary is a BrokerError: it did not answer the question.
 */
export async function canIDeploy(broker: BrokerSettings, question: DeployQuestion): Promise<DeployAnswer> {
  const query = new URLSearchParams({ 'q[][pacticipant]': question.pacticipant });
  if (question.version !== null) query.append('q[][version]', question.version);
  else query.append('q[][latest]', 'true');
  if (question.branch !== null) query.append('q[][branch]', question.branch);
  query.append('latestby', 'cvp');
  if (question.environment !== null) query.append('environment', question.environment);
  else query.append('latest', 'true');
  const { json } = await askBroker(broker, 'GET', `${broker.baseUrl}/matrix?${query}`);
  const answer = json as MatrixAnswer | null;
  if (typeof answer?.summary !== 'object' || answer.summary === null) throw new BrokerError('the Pact Broker answered the matrix query without a summary', null);
  const notices = (Array.isArray(answer.notices) ? answer.notices : []).map((notice) => String(notice?.text ?? '')).filter(Boolean);
  const reasons = notices.length > 0 ? notices : String(answer.summary.reason ?? '').split('\n').filter(Boolean);
  return { deployable: answer.summary.deployable === true, reasons, rows: (Array.isArray(answer.matrix) ? answer.matrix : []).map(toRow) };
}

function toRow(row: MatrixAnswerRow): MatrixRow {
  return {
    consumer: String(row?.consumer?.name ?? ''),
    consumerVersion: String(row?.consumer?.version?.number ?? ''),
    provider: String(row?.provider?.name ?? ''),
    providerVersion: row?.provider?.version?.number === undefined || row.provider.version.number === null ? null : String(row.provider.version.number),
    success: typeof row?.verificationResult?.success === 'boolean' ? row.verificationResult.success : null,
  };
}

/** The parts of the broker's matrix answer read here (its documented shape: summary, notices, matrix). */
interface MatrixAnswer {
  summary?: { deployable?: unknown; reason?: unknown } | null;
  notices?: Array<{ text?: unknown } | null>;
  matrix?: MatrixAnswerRow[];
}

type MatrixAnswerRow = {
  consumer?: { name?: unknown; version?: { number?: unknown } | null };
  provider?: { name?: unknown; version?: { number?: unknown } | null };
  verificationResult?: { success?: unknown } | null;
} | null;
