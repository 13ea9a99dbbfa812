/**
 * YAML as `kubectl -o yaml` writes it (sigs.k8s.io/yaml over go-yaml): keys sorted, list items
 * at their parent's indentation, and strings quoted when they would read as something else
 * (numbers, booleans, timestamps, empty).
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const AMBIGUOUS =
  /^(true|false|yes|no|on|off|y|n|null|~|-?\d+(\.\d+)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|\d{4}-\d\d-\d\d.*)$/i;

function scalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  if (
    v === '' ||
    AMBIGUOUS.test(v) ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(v) ||
    /\s$/.test(v) ||
    v.includes(': ') ||
    v.includes(' #') ||
    v.includes('\n')
  )
    return JSON.stringify(v);
  return v;
}

const isObject = (v: Json): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function emit(v: Json, indent: string, out: string[]): void {
  if (isObject(v)) {
    for (const key of Object.keys(v).sort()) {
      const child = v[key]!;
      const k = scalar(key);
      if (isObject(child) && Object.keys(child).length > 0) {
        out.push(`${indent}${k}:`);
        emit(child, indent + '  ', out);
      } else if (Array.isArray(child) && child.length > 0) {
        out.push(`${indent}${k}:`);
        emit(child, indent, out);
      } else out.push(`${indent}${k}: ${inline(child)}`);
    }
    return;
  }
  if (Array.isArray(v)) {
    for (const item of v) {
      if (
        (isObject(item) && Object.keys(item).length > 0) ||
        (Array.isArray(item) && item.length > 0)
      ) {
        const sub: string[] = [];
        emit(item, indent + '  ', sub);
        out.push(`${indent}- ${sub[0]!.slice(indent.length + 2)}`, ...sub.slice(1));
      } else out.push(`${indent}- ${inline(item)}`);
    }
    return;
  }
  out.push(`${indent}${inline(v)}`);
}

function inline(v: Json): string {
  if (Array.isArray(v)) return '[]';
  if (isObject(v)) return '{}';
  return scalar(v);
}

export function toYaml(v: Json): string {
  const out: string[] = [];
  emit(v, '', out);
  return out.join('\n') + '\n';
}

/** kubectl's JSON: four-space indentation, fields in the API's order. */
export const toJson = (v: Json): string => JSON.stringify(v, null, 4) + '\n';
