/** `drill check [files or folders]`: validate scenario files and walk their statecharts. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkGraph } from '../scenario/graph.ts';
import { formatError, loadScenario } from '../scenario/load.ts';
import type { ScenarioError } from '../scenario/load.ts';

export const CHECK_HELP = `usage: npm run drill -- check [files or folders...]

Validates scenario files (YAML or JSON): syntax, fields, the effect and guard vocabulary,
faults, metrics, actions, services, durations and transitions; then walks each statechart:
every state reachable, a final state reachable from every state. Defaults to scenarios/.
Exit code 0 when every file is valid, 1 otherwise.`;

function scenarioFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      out.push(p); // reported as unreadable below
      continue;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        // Scenario files; the folder also holds the JSON Schema, which is not a scenario.
        if (/\.(ya?ml|json)$/i.test(name) && !name.endsWith('.schema.json'))
          out.push(join(p, name));
      }
    } else out.push(p);
  }
  return out;
}

export function runCheck(paths: readonly string[]): { ok: boolean; lines: string[] } {
  const files = scenarioFiles(paths.length > 0 ? paths : ['scenarios']);
  const lines: string[] = [];
  let ok = true;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      ok = false;
      lines.push(`${file}: cannot be read: ${(e as Error).message}`);
      continue;
    }
    const r = loadScenario(file, text);
    const errors: ScenarioError[] = r.ok ? checkGraph(file, r.scenario) : r.errors;
    if (errors.length === 0) lines.push(`ok ${file}`);
    else {
      ok = false;
      lines.push(...errors.map(formatError));
    }
  }
  if (files.length === 0) lines.push('no scenario files found');
  return { ok, lines };
}
