/** What a Python literal reads as; dict keys become strings, as json.dumps writes them. */
export type PythonValue = string | number | boolean | null | PythonValue[] | { [key: string]: PythonValue };

/** Why a text is not a Python literal, with the offset where reading stopped. */
export class PythonLiteralError extends Error {
  override readonly name = 'PythonLiteralError';
  constructor(
    reason: string,
    readonly offset: number,
  ) {
    super(`${reason} at offset ${offset}`);
  }
}

/** Deep enough for any real repr, shallow enough that a hostile one cannot overflow the stack. */
const MAX_DEPTH = 256;

const NUMBER = /[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/y;
const NAME = /[A-Za-z_]\w*/y;
/** Python's tokenizer takes only these between tokens; a no-break space is a syntax error. */
const PYTHON_SPACE = /[ \t\n\r\f]/u;
const CONSTANTS = new Map<string, boolean | null>([
  ['True', true],
  ['False', false],
  ['None', null],
]);
const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', n: '\n', r: '\r', t: '\t', a: '\u0007', b: '\b', f: '\f', v: '\v',
};
const HEX_ESCAPE_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Reads what Python's repr() writes for dicts, lists, str, int, float, True, False and None:
 * JSON-like data saved with str() instead of json.dumps(). Throws PythonLiteralError for
 * anything else.
 */
export function parsePythonLiteral(text: string): PythonValue {
  const reader = new LiteralReader(text);
  const value = reader.value(0);
  reader.skipSpace();
  if (!reader.atEnd()) reader.fail('unexpected text after the value');
  return value;
}

class LiteralReader {
  private position = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  fail(reason: string): never {
    throw new PythonLiteralError(reason, this.position);
  }

  skipSpace(): void {
    while (PYTHON_SPACE.test(this.text[this.position] ?? '')) this.position += 1;
  }

  value(depth: number): PythonValue {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    this.skipSpace();
    const char = this.text[this.position];
    if (char === undefined) this.fail('the text ends where a value should be');
    if (char === '{') return this.dict(depth);
    if (char === '[') return this.list(depth);
    if (char === "'" || char === '"') return this.string();
    // Python 2 wrote unicode strings as u'…'; Python 3 still accepts the prefix.
    if ((char === 'u' || char === 'U') && /['"]/u.test(this.text[this.position + 1] ?? '')) {
      this.position += 1;
      return this.string();
    }
    if (/[-+.\d]/u.test(char)) return this.number();
    return this.constant();
  }

  private dict(depth: number): { [key: string]: PythonValue } {
    const result: { [key: string]: PythonValue } = {};
    this.position += 1;
    while (!this.closes('}')) {
      const key = this.value(depth + 1);
      if (typeof key === 'object' && key !== null) this.fail('a dict key must be a str, number or constant');
      this.skipSpace();
      if (this.text[this.position] !== ':') this.fail('expected ":" after a dict key');
      this.position += 1;
      // defineProperty, not assignment, so a "__proto__" key stays an ordinary key.
      Object.defineProperty(result, String(key), { value: this.value(depth + 1), enumerable: true, writable: true, configurable: true });
      this.separator('}');
    }
    return result;
  }

  private list(depth: number): PythonValue[] {
    const items: PythonValue[] = [];
    this.position += 1;
    while (!this.closes(']')) {
      items.push(this.value(depth + 1));
      this.separator(']');
    }
    return items;
  }

  /** True, past it, when the closing bracket comes next. */
  private closes(close: string): boolean {
    this.skipSpace();
    if (this.text[this.position] !== close) return false;
    this.position += 1;
    return true;
  }

  /** A comma, or the closing bracket left for closes() to take. */
  private separator(close: string): void {
    this.skipSpace();
    const char = this.text[this.position];
    if (char === ',') this.position += 1;
    else if (char !== close) this.fail(`expected "," or "${close}"`);
  }

  private number(): number {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('not a number');
    if (/^[-+]?0\d/u.test(match[0]) && !/[.eE]/u.test(match[0])) this.fail('an int with a leading zero');
    this.position += match[0].length;
    if (/[\w.]/u.test(this.text[this.position] ?? '')) this.fail('not a decimal int or float');
    return Number(match[0]);
  }

  private constant(): boolean | null {
    NAME.lastIndex = this.position;
    const name = NAME.exec(this.text)?.[0];
    const constant = name === undefined ? undefined : CONSTANTS.get(name);
    if (name === undefined || constant === undefined) this.fail(`not a literal: ${name ?? this.text[this.position]}`);
    this.position += name.length;
    return constant;
  }

  private string(): string {
    const quote = this.text[this.position]!;
    if (this.text.startsWith(quote.repeat(3), this.position)) this.fail('triple-quoted strings are not read');
    this.position += 1;
    let result = '';
    for (;;) {
      const char = this.text[this.position];
      if (char === undefined || char === '\n') this.fail('unterminated string');
      this.position += 1;
      if (char === quote) return result;
      result += char === '\\' ? this.escape() : char;
    }
  }

  /** The character a backslash escape stands for; the backslash is already read. */
  private escape(): string {
    const char = this.text[this.position];
    if (char === undefined) this.fail('unterminated string');
    this.position += 1;
    if (char === '\n') return '';
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) return simple;
    const hexDigits = HEX_ESCAPE_DIGITS[char];
    if (hexDigits !== undefined) return this.codePoint(this.text.slice(this.position, this.position + hexDigits), hexDigits, 16);
    if (/[0-7]/u.test(char)) {
      const digits = /^[0-7]{1,3}/u.exec(this.text.slice(this.position - 1, this.position + 2))![0];
      this.position -= 1;
      return this.codePoint(digits, digits.length, 8);
    }
    if (char === 'N') this.fail('\\N{name} escapes are not read');
    // Python keeps an unknown escape as written, backslash included.
    return `\\${char}`;
  }

  private codePoint(digits: string, length: number, radix: 16 | 8): string {
    const valid = radix === 16 ? /^[0-9a-fA-F]+$/u : /^[0-7]+$/u;
    if (digits.length !== length || !valid.test(digits)) this.fail('truncated escape');
    const value = Number.parseInt(digits, radix);
    if (value > 0x10ffff) this.fail('escape beyond the last Unicode code point');
    this.position += length;
    return String.fromCodePoint(value);
  }
}
