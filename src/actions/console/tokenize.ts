/**
 * Splits a command line the way a POSIX shell would for the parts players use: words, single and
 * double quotes, backslash escapes, pipelines, and the redirections seen in runbooks (`2>&1`,
 * `</dev/null`, `>/dev/null`), which are accepted and ignored. Never throws.
 */
export type Pipeline = { commands: string[][] };

export type Tokenized = { ok: true; pipeline: Pipeline } | { ok: false; error: string };

type Word = { text: string; quoted: boolean };

const REDIRECTION = /^(\d?>>?&?\d*|<|\d?>)$/;

export function tokenize(line: string): Tokenized {
  const commands: Word[][] = [[]];
  let word = '';
  let inWord = false;
  let quoted = false;
  let quote: '"' | "'" | null = null;
  const current = (): Word[] => commands[commands.length - 1]!;
  const flush = (): void => {
    if (inWord) current().push({ text: word, quoted });
    word = '';
    inWord = false;
    quoted = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!))
        word += line[++i];
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
      quoted = true;
    } else if (c === '\\') {
      if (i + 1 < line.length) word += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      flush();
    } else if (c === '|') {
      flush();
      if (line[i + 1] === '|') return { ok: false, error: '||' };
      commands.push([]);
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === ';' || c === '&') {
      // `2>&1` is a redirection; a lone `&`, `&&` or `;` chains commands, which the console does not.
      if (c === '&' && /\d?>$/.test(word)) {
        word += c;
        inWord = true;
      } else return { ok: false, error: c === '&' && line[i + 1] === '&' ? '&&' : c };
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== null) return { ok: false, error: quote };
  flush();
  // Drop redirections and their targets: output goes to the terminal either way.
  const cleaned = commands.map((words) => {
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const { text: w, quoted: literal } = words[i]!;
      if (literal) {
        out.push(w);
        continue;
      }
      if (/^\d?>&\d$/.test(w) || /^(\d?>>?|<)\S+$/.test(w)) continue;
      if (REDIRECTION.test(w)) {
        i++;
        continue;
      }
      out.push(w);
    }
    return out;
  });
  return { ok: true, pipeline: { commands: cleaned } };
}
