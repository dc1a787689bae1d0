/**
 * Just enough PromQL reading to check rules against the metrics contract: which series
 * selectors an expression uses (metric name and label matchers) and which numbers it
 * compares against. Not a parser: it walks tokens, skipping functions, keywords, grouping
 * clauses (`by (...)`), range brackets and string literals.
 */
export interface Matcher {
  label: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}
export interface Selector {
  metric: string;
  matchers: Matcher[];
}

const KEYWORDS = new Set(['and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan', 'atan2']);
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
/** Aggregation operators: may be followed by `by (...)` before their parenthesis. */
const AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg', 'group', 'stddev', 'stdvar', 'count', 'count_values', 'bottomk', 'topk', 'quantile', 'limitk', 'limit_ratio']);

/** Index just past the quoted literal that starts at `i`. */
function skipString(s: string, i: number): number {
  const quote = s[i];
  let j = i + 1;
  while (j < s.length && s[j] !== quote) j += s[j] === '\\' && quote !== '`' ? 2 : 1;
  return j + 1;
}

/** Index just past the bracket group that opens at `i` (strings inside are skipped). */
function skipGroup(s: string, i: number, close: string): number {
  let j = i + 1;
  while (j < s.length && s[j] !== close) j = s[j] === '"' || s[j] === "'" || s[j] === '`' ? skipString(s, j) : j + 1;
  return j + 1;
}

const nextNonSpace = (s: string, i: number): number => {
  while (i < s.length && /\s/.test(s[i] ?? '')) i++;
  return i;
};

/** Parse `{a="x", b=~"y|z"}` (the text between the braces). */
export function parseMatchers(body: string): Matcher[] {
  const out: Matcher[] = [];
  const re = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)\s*,?/gy;
  let pos = 0;
  for (let m = re.exec(body); m !== null; m = re.exec(body)) {
    out.push({ label: m[1] ?? '', op: m[2] as Matcher['op'], value: (m[3] ?? '').slice(1, -1) });
    pos = re.lastIndex;
  }
  // A sticky regex resets lastIndex when it stops matching: `pos` is where reading ended.
  if (body.slice(pos).trim() !== '') throw new Error(`cannot read label matchers: {${body}}`);
  return out;
}

/** Every series selector in `expr`, in order. A bare `{...}` selector has metric ''. */
export function selectors(expr: string): Selector[] {
  const out: Selector[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] ?? '';
    if (c === '"' || c === "'" || c === '`') i = skipString(expr, i);
    else if (c === '[') i = skipGroup(expr, i, ']');
    else if (c === '#') i = expr.indexOf('\n', i) < 0 ? expr.length : expr.indexOf('\n', i);
    else if (c === '{') {
      const end = skipGroup(expr, i, '}');
      out.push({ metric: '', matchers: parseMatchers(expr.slice(i + 1, end - 1)) });
      i = end;
    } else if (/[0-9.]/.test(c)) {
      const m = /^[0-9.]+(?:[eE][+-]?[0-9]+)?[a-zA-Z]*/.exec(expr.slice(i));
      i += m ? m[0].length : 1;
    } else if (/[a-zA-Z_:]/.test(c)) {
      const name = (/^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(expr.slice(i)) ?? [''])[0];
      i += name.length;
      const next = nextNonSpace(expr, i);
      if (GROUPING.has(name)) i = expr[next] === '(' ? skipGroup(expr, next, ')') : i;
      else if (KEYWORDS.has(name.toLowerCase()) || AGGREGATIONS.has(name) || expr[next] === '(') continue;
      else if (expr[next] === '{') {
        const end = skipGroup(expr, next, '}');
        out.push({ metric: name, matchers: parseMatchers(expr.slice(next + 1, end - 1)) });
        i = end;
      } else out.push({ metric: name, matchers: [] });
    } else i++;
  }
  return out;
}

/** The numbers `expr` compares against with `>` or `>=` (thresholds of an alert). */
export function upperThresholds(expr: string): number[] {
  const cleaned = expr.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\{[^}]*\}|\[[^\]]*\]/g, ' ');
  return [...cleaned.matchAll(/>=?\s*(?:bool\s+)?(-?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)/g)].map((m) => Number(m[1]));
}
