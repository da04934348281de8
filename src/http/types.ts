export interface HttpClientOptions {
  /** Default 5_000. */
  connectTimeoutMs?: number;
  /** Time allowed for the response headers to arrive. Default 15_000. */
  headersTimeoutMs?: number;
  /** Longest silence allowed between two body chunks. Default 15_000. */
  bodyTimeoutMs?: number;
  /** Default 10 MiB. Beyond it reading stops, the first maxBodyBytes are kept and the exchange is marked truncated. */
  maxBodyBytes?: number;
  retry?: {
    /** Default 2. */
    maxRetries?: number;
    /** Delay before the first retry, doubled for each further one. Default 200. */
    minDelayMs?: number;
    /** Default 5_000. */
    maxDelayMs?: number;
    /** Default 30_000: a larger Retry-After is not waited for; the 429 (or 503) is returned. */
    maxRetryAfterMs?: number;
  };
  /** Most requests in flight through this client (one client per vendor). Default 8. */
  concurrency?: number;
  /** Most requests started per second (a vendor's rate limit; retries are paced by Retry-After instead). Default: none. */
  ratePerSecond?: number;
  /** Redirects followed by GET and HEAD. Default 3; 0 returns the 3xx as it is. */
  maxRedirects?: number;
  /** The target is a vendor's production host or key: only GET and HEAD leave this client. Default false. */
  production?: boolean;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
}

export type Exchange =
  | {
      outcome: 'response';
      status: number;
      /** As received on the wire; lower-cased names, repeated fields joined with ', '. */
      headers: Record<string, string>;
      /** Decoded when the response had a Content-Encoding (see decodedFrom). */
      body: Uint8Array;
      truncated: boolean;
      decodedFrom: string | null;
      /** 1 + the retries made. */
      attempts: number;
      durationMs: number;
      /** The URLs redirected to, in order; the URL asked for is not included. */
      redirects: string[];
    }
  | { outcome: 'transport-error'; code: TransportErrorCode; message: string; attempts: number; durationMs: number };

/** Stable: reports and callers branch on these. */
export type TransportErrorCode =
  | 'CONNECT_TIMEOUT'
  | 'HEADERS_TIMEOUT'
  | 'BODY_TIMEOUT'
  | 'CONNECTION_REFUSED'
  | 'CONNECTION_RESET'
  | 'SOCKET_CLOSED'
  | 'DNS'
  | 'TLS'
  | 'REDIRECT_LIMIT'
  | 'DECODING'
  | 'INVALID_URL'
  /** The last answer, after any retries, was 408, 429, 502, 503 or 504: the vendor was unavailable. */
  | 'UNAVAILABLE'
  /** Not sent: a method other than GET or HEAD to a production target. */
  | 'PRODUCTION_REFUSED'
  /** Not sent: the OAuth 2.0 token endpoint gave no token for the credential. */
  | 'NO_TOKEN'
  /** Sent, and no exchange ended within the case's safety net (longer than every client timeout): a vendor that hung. */
  | 'CASE_TIMEOUT'
  | 'UNKNOWN';

export interface HttpClient {
  /** Never throws: every transport failure becomes an exchange with outcome 'transport-error'. */
  send(request: HttpRequest): Promise<Exchange>;
  close(): Promise<void>;
}
