/** How far one vendor's cases are: finished of planned. */
export interface VendorCount {
  vendor: string;
  done: number;
  total: number;
}

/** Cases planned and finished per vendor, vendors in the order their cases were first planned. */
export class CaseTally {
  private readonly counts = new Map<string, VendorCount>();

  plan(vendor: string, cases: number): void {
    this.countOf(vendor).total += cases;
  }

  finish(vendor: string): void {
    this.countOf(vendor).done += 1;
  }

  get vendors(): VendorCount[] {
    return [...this.counts.values()].map((count) => ({ ...count }));
  }

  get done(): number {
    return this.vendors.reduce((sum, count) => sum + count.done, 0);
  }

  get total(): number {
    return this.vendors.reduce((sum, count) => sum + count.total, 0);
  }

  private countOf(vendor: string): VendorCount {
    let count = this.counts.get(vendor);
    if (!count) this.counts.set(vendor, (count = { vendor, done: 0, total: 0 }));
    return count;
  }
}

/** `whop 3/8  midaz 5/12  xendit 1/6`, cut to the terminal's width: a wrapped line could not be rewritten in place. */
export function progressStatus(counts: readonly VendorCount[], columns: number): string {
  const text = counts.map(({ vendor, done, total }) => `${vendor} ${done}/${total}`).join('  ');
  return text.length < columns ? text : `${text.slice(0, Math.max(0, columns - 2))}…`;
}

const CLEAR_LINE = '\r\x1b[2K';

/**
 * A terminal's live view of a run: case lines scroll as usual and one status line under them is
 * rewritten in place with each vendor's `done/total`. Only for a terminal: piped output and CI logs
 * get the case lines alone.
 */
export class LiveStatus {
  private status = '';

  constructor(
    private readonly write: (text: string) => void,
    private readonly columns: number,
  ) {}

  /** A case line, printed above the status line. */
  line(text: string): void {
    this.write(`${CLEAR_LINE}${text}\n${this.status}`);
  }

  update(counts: readonly VendorCount[]): void {
    this.status = progressStatus(counts, this.columns);
    this.write(`${CLEAR_LINE}${this.status}`);
  }

  /** Removes the status line: what follows (the summary) starts on a clean line. */
  end(): void {
    if (this.status) this.write(CLEAR_LINE);
    this.status = '';
  }
}
