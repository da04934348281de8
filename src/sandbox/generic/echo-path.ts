import type { RenderedResponse } from './answers.ts';
import type { GenericOperation } from './operations.ts';

/**
 * A real API answers the resource asked for: in the success body the sandbox renders, the ids that
 * name a path parameter carry the value the sandbox serves, not the example's. `X_id` and `xId` answer
 * a parameter named either way; `id` answers the path's last parameter. On the body itself, or, when
 * it has none of them, on the items of its lists (`[...]`, `{items: [...]}`).
 */
export function echoPath(operation: GenericOperation, success: RenderedResponse | undefined, fixtures: Readonly<Record<string, string>>): RenderedResponse | undefined {
  // `default` answers errors too: only a documented success is the resource.
  if (!success?.contentType || success.body === '' || !success.key.startsWith('2')) return undefined;
  const last = operation.template.endsWith('}') ? operation.pathParameters.at(-1)?.name : undefined;
  const names = (parameter: string) => [...idNames(parameter), ...(parameter === last ? ['id'] : [])];
  let body: unknown;
  try {
    body = JSON.parse(success.body);
  } catch {
    return undefined;
  }
  const answers = (value: unknown) => isRecord(value) && operation.pathParameters.some((p) => names(p.name).some((n) => Object.hasOwn(value, n)));
  const resources = answers(body) ? [body] : [body, ...(isRecord(body) ? Object.values(body) : [])].flatMap((v) => (Array.isArray(v) ? v.filter(answers) : []));
  if (resources.length === 0) return undefined;
  for (const resource of resources as Array<Record<string, unknown>>) {
    for (const { name } of operation.pathParameters) {
      const served = fixtures[name];
      for (const property of names(name)) if (served !== undefined && Object.hasOwn(resource, property)) resource[property] = sameType(resource[property], served);
    }
  }
  return { ...success, body: JSON.stringify(body) };
}

/** The served value in the documented value's type: an integer id stays a number; what cannot be is left as documented. */
function sameType(documented: unknown, served: string): unknown {
  if (typeof documented === 'string') return served;
  if (typeof documented === 'number' && served.trim() !== '' && Number.isFinite(Number(served))) return Number(served);
  return documented;
}

function idNames(parameter: string): string[] {
  if (parameter.length > 3 && parameter.endsWith('_id')) return [parameter, parameter.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())];
  if (parameter.length > 2 && parameter.endsWith('Id')) return [parameter, parameter.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)];
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
