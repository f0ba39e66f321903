import { z } from 'zod';
import { type CatalogProblem, catalogError, type ProblemLocation } from './problems';

/** zod's own Vietnamese messages, passed per parse so that no global configuration is touched. */
export const vietnameseErrors = z.locales.vi().localeError;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: unknown, key: PropertyKey): unknown {
  if (Array.isArray(value) && typeof key === 'number') return value[key];
  if (isRecord(value) && typeof key === 'string') return value[key];
  return undefined;
}

/** The identifier a human recognises: the criterion number or indicator code, else the position. */
function label(item: unknown, field: 'number' | 'code', index: PropertyKey): string {
  const value = child(item, field);
  return typeof value === 'string' && value.length > 0 ? value : `#${Number(index) + 1}`;
}

function setIdOf(json: unknown): string {
  const id = child(json, 'id');
  return typeof id === 'string' && id.length > 0 ? id : '(chưa có mã)';
}

/** Where in a set an issue lies, and the remaining field path inside that place. */
function locate(json: unknown, path: readonly PropertyKey[]): { at: ProblemLocation; field: PropertyKey[] } {
  const at: ProblemLocation = { setId: setIdOf(json) };
  const [c0, c1, c2, c3, ...rest] = path;
  if (c0 !== 'criteria' || typeof c1 !== 'number') return { at, field: [...path] };
  const criterion = child(child(json, 'criteria'), c1);
  at.criterion = label(criterion, 'number', c1);
  if (c2 !== 'indicators' || typeof c3 !== 'number') return { at, field: path.slice(2) };
  at.indicator = label(child(child(criterion, 'indicators'), c3), 'code', c3);
  return { at, field: rest };
}

function fieldText(field: readonly PropertyKey[]): string {
  return field
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

export function schemaProblems(json: unknown, error: z.ZodError): CatalogProblem[] {
  return error.issues.map((issue) => {
    const { at, field } = locate(json, issue.path);
    const where = field.length > 0 ? `trường "${fieldText(field)}": ` : '';
    return catalogError('schema_invalid', at, `${where}${issue.message}`);
  });
}
