/**
 * The small part of Python that feedparser's `Expect:` lines use: literals (strings with their
 * escapes, numbers, None/True/False, tuples, dicts), names, `x[key]`, `x.attr`, calls, `len()`,
 * `==`/`!=` (chained), `not`, `and`, `or`. Anything else is reported as untranslatable.
 */
export type Expression =
  | { kind: 'literal'; value: unknown }
  | { kind: 'name'; name: string }
  | { kind: 'index'; target: Expression; key: Expression }
  | { kind: 'attribute'; target: Expression; name: string }
  | { kind: 'call'; callee: Expression; args: Expression[] }
  | { kind: 'tuple'; items: Expression[] }
  | { kind: 'dict'; entries: [Expression, Expression][] }
  | { kind: 'not'; operand: Expression }
  | { kind: 'and' | 'or'; operands: Expression[] }
  | { kind: 'compare'; operands: Expression[]; operators: ('==' | '!=')[] };

export class UntranslatableExpression extends Error {}

type Token = { type: 'string'; value: string } | { type: 'number'; value: number } | { type: 'name' | 'op'; value: string };

const TOKEN =
  /\s*(?:(?<string>[uUbB]?[rR]?(?:"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'))|(?<number>-?\d+(?:\.\d+)?)|(?<name>[A-Za-z_]\w*)|(?<op>==|!=|[[\](){},:.]))/uy;

export function parsePythonExpression(source: string): Expression {
  const tokens = tokenize(source);
  let position = 0;
  const peek = () => tokens[position];
  const isOp = (value: string) => peek()?.type === 'op' && peek()?.value === value;
  const isName = (value: string) => peek()?.type === 'name' && peek()?.value === value;
  const expect = (value: string) => {
    if (!isOp(value)) throw new UntranslatableExpression(`expected "${value}"`);
    position++;
  };

  const orExpression = (): Expression => {
    const operands = [andExpression()];
    while (isName('or')) {
      position++;
      operands.push(andExpression());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  };
  const andExpression = (): Expression => {
    const operands = [notExpression()];
    while (isName('and')) {
      position++;
      operands.push(notExpression());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  };
  const notExpression = (): Expression => {
    if (!isName('not')) return comparison();
    position++;
    return { kind: 'not', operand: notExpression() };
  };
  const comparison = (): Expression => {
    const operands = [postfix()];
    const operators: ('==' | '!=')[] = [];
    while (isOp('==') || isOp('!=')) {
      operators.push(tokens[position++]!.value as '==' | '!=');
      operands.push(postfix());
    }
    return operators.length === 0 ? operands[0]! : { kind: 'compare', operands, operators };
  };
  const postfix = (): Expression => {
    let expression = atom();
    for (;;) {
      if (isOp('[')) {
        position++;
        const key = orExpression();
        expect(']');
        expression = { kind: 'index', target: expression, key };
      } else if (isOp('.')) {
        position++;
        const name = tokens[position++];
        if (name?.type !== 'name') throw new UntranslatableExpression('expected an attribute name');
        expression = { kind: 'attribute', target: expression, name: name.value };
      } else if (isOp('(')) {
        position++;
        const args = sequence(')');
        expression = { kind: 'call', callee: expression, args };
      } else return expression;
    }
  };
  const sequence = (close: string): Expression[] => {
    const items: Expression[] = [];
    while (!isOp(close)) {
      items.push(orExpression());
      if (!isOp(close)) expect(',');
    }
    position++;
    return items;
  };
  const atom = (): Expression => {
    const token = tokens[position++];
    if (!token) throw new UntranslatableExpression('the expression ends early');
    if (token.type === 'string' || token.type === 'number') {
      // Adjacent string literals concatenate, as in Python.
      let value: unknown = token.value;
      while (token.type === 'string' && peek()?.type === 'string') value = `${value as string}${tokens[position++]!.value as string}`;
      return { kind: 'literal', value };
    }
    if (token.type === 'name') {
      if (token.value === 'None') return { kind: 'literal', value: null };
      if (token.value === 'True' || token.value === 'False') return { kind: 'literal', value: token.value === 'True' };
      return { kind: 'name', name: token.value };
    }
    if (token.value === '(') {
      const items = sequence(')');
      return items.length === 1 ? items[0]! : { kind: 'tuple', items };
    }
    if (token.value === '{') {
      const entries: [Expression, Expression][] = [];
      while (!isOp('}')) {
        const key = orExpression();
        expect(':');
        entries.push([key, orExpression()]);
        if (!isOp('}')) expect(',');
      }
      position++;
      return { kind: 'dict', entries };
    }
    throw new UntranslatableExpression(`unexpected "${token.value}"`);
  };

  const expression = orExpression();
  if (position !== tokens.length) throw new UntranslatableExpression(`unexpected "${String(peek()?.value)}"`);
  return expression;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.trimEnd().length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match?.groups) throw new UntranslatableExpression(`cannot read "${source.slice(start, start + 20)}"`);
    const { string, number, name, op } = match.groups;
    if (string !== undefined) tokens.push({ type: 'string', value: pythonString(string) });
    else if (number !== undefined) tokens.push({ type: 'number', value: Number(number) });
    else if (name !== undefined) tokens.push({ type: 'name', value: name });
    else tokens.push({ type: 'op', value: op! });
  }
  return tokens;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '\n': '' };

/** A Python string literal's value: prefix and quotes removed, escapes (\xNN, \uNNNN…) applied unless raw. */
function pythonString(literal: string): string {
  const prefix = /^[uUbBrR]*/u.exec(literal)![0];
  const quoted = literal.slice(prefix.length);
  const quote = quoted.startsWith('"""') || quoted.startsWith("'''") ? 3 : 1;
  const body = quoted.slice(quote, -quote);
  if (/r/iu.test(prefix)) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[\s\S])/gu, (escape, code: string) => {
    if (code.length > 1) return String.fromCodePoint(Number.parseInt(code.slice(1), 16));
    return SIMPLE_ESCAPES[code] ?? escape;
  });
}
