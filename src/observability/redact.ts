/**
 * Secrets never reach an output line. Two nets: the configured secret values themselves, and the shapes
 * of credentials (Slack and Discord tokens, API keys in URLs, passwords in database URLs) whoever wrote them.
 */
const MASK = '[redacted]';

const SHAPES: RegExp[] = [
  /\bxox[abeoprs]-[A-Za-z0-9-]+/g, // Slack bot/user tokens
  /\bxapp-[A-Za-z0-9-]+/g, // Slack app-level tokens
  /\b[MNO][A-Za-z\d_-]{23,27}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,40}\b/g, // Discord bot tokens
  /\b(Bot|Bearer)\s+[A-Za-z0-9._~+/=-]{16,}/g, // Authorization header values
];
/** key=value pairs in URLs and messages whose value is a secret: the key stays, the value goes. */
const KEYED = /\b(api_key|apikey|token|access_token|client_secret|password|signing_secret)=([^&\s"',;]+)/gi;
/** postgres://user:password@host */
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/\s"'@]+:)([^@\s"'/]+)@/gi;

const secrets = new Set<string>();

/** Remembers secret values to mask wherever they appear. Short values are ignored (they would mask ordinary text). */
export function addSecrets(values: Iterable<string | undefined>): void {
  for (const v of values) if (v && v.trim().length >= 6) secrets.add(v.trim());
}

/** The environment's secrets: every variable named like a token, secret, key or password, and DATABASE_URL. */
export function secretsOfEnv(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (/(TOKEN|SECRET|PASSWORD|API_KEY|PRIVATE_KEY)$/.test(name)) out.push(value);
    if (name === 'DATABASE_URL') {
      const pw = /:\/\/[^:/@]+:([^@/]+)@/.exec(value)?.[1];
      if (pw) out.push(pw, decodeURIComponent(pw));
    }
  }
  return out;
}

export function scrub(text: string): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(MASK);
  for (const re of SHAPES) out = out.replace(re, MASK);
  return out.replace(KEYED, (_m, key: string) => `${key}=${MASK}`).replace(URL_PASSWORD, (_m, head: string) => `${head}${MASK}@`);
}

let guarded = false;

/**
 * Scrubs everything the process writes to stdout and stderr (our logs, libraries' console output, start-up
 * errors). Idempotent.
 */
export function guardOutput(env: NodeJS.ProcessEnv = process.env): void {
  addSecrets(secretsOfEnv(env));
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    const patched = (chunk: unknown, ...rest: unknown[]): boolean => {
      if (typeof chunk === 'string') return write(scrub(chunk), ...rest);
      if (chunk instanceof Uint8Array) return write(scrub(Buffer.from(chunk).toString('utf8')), ...rest);
      return write(chunk, ...rest);
    };
    Object.defineProperty(stream, 'write', { value: patched, configurable: true, writable: true });
  }
}
