/**
 * The value grammar of share links, independent of any schema:
 *
 *   list   := item (';' item)*
 *   item   := number | word | quoted | call | ''
 *   call   := word? '(' [arg (',' arg)*] ')'        e.g. adam(lr=0.01,beta1=0.8)  (x=1,y=2)
 *   arg    := key '=' list
 *   word   := [A-Za-z_#][A-Za-z0-9_.#-]*              e.g. rosenbrock, cosine, zh-CN
 *   quoted := "'" ( any but "'" | "''" )* "'"        e.g. 'x^2 + y^2', 'Adam, fast'
 *   number := JavaScript's shortest round-trip form   e.g. 0.01, -1.5, 1e-8
 *
 * ';' separates list items, ',' the arguments of a call, so a list nests inside an argument
 * (`start=-1.5;2`, `view=(x=-2;2)`). Percent-encoding is a separate, outer layer (fragment.ts).
 */

export type LinkValue = number | string | LinkCall | LinkValue[];

/** `head(args)`; a bare `(args)` has head null. Argument order is kept. */
export interface LinkCall {
  readonly kind: 'call';
  readonly head: string | null;
  readonly args: readonly (readonly [string, LinkValue])[];
}

/** A parse failure; `truncated` when the text ended inside a call or a quoted string. */
export class LinkSyntaxError extends Error {
  constructor(message: string, readonly truncated: boolean) {
    super(message);
    this.name = 'LinkSyntaxError';
  }
}

const WORD = /^[A-Za-z_#][A-Za-z0-9_.#-]*$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
/** Deepest call nesting a link may have (ours uses 2); keeps the parser off the stack limit. */
const MAX_DEPTH = 16;

/** Whether a string can be written without quotes and read back as the same string. */
export function isBareWord(s: string): boolean {
  return WORD.test(s);
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parseAll(): LinkValue {
    const v = this.list(0);
    if (this.i < this.s.length) this.fail(`unexpected '${this.s[this.i]}' at character ${this.i + 1}`);
    return v;
  }

  private fail(message: string, truncated = false): never {
    throw new LinkSyntaxError(message, truncated);
  }

  private list(depth: number): LinkValue {
    const items: LinkValue[] = [this.item(depth)];
    while (this.s[this.i] === ';') {
      this.i++;
      items.push(this.item(depth));
    }
    return items.length === 1 ? items[0] : items;
  }

  private item(depth: number): LinkValue {
    const c = this.s[this.i];
    if (c === "'") return this.quoted();
    if (c === '(') return this.call(null, depth);
    const start = this.i;
    while (this.i < this.s.length && !"(),;='".includes(this.s[this.i])) this.i++;
    const token = this.s.slice(start, this.i);
    if (this.s[this.i] === '(') {
      if (!WORD.test(token)) this.fail(`'${token}' cannot name a call`);
      return this.call(token, depth);
    }
    if (token === '') return '';
    if (NUMBER.test(token)) return Number(token);
    if (WORD.test(token)) return token;
    return this.fail(`'${token}' is neither a number nor a name (quote text with '…')`);
  }

  private quoted(): string {
    let out = '';
    this.i++;
    for (;;) {
      const j = this.s.indexOf("'", this.i);
      if (j < 0) this.fail('a quoted text is not closed', true);
      out += this.s.slice(this.i, j);
      this.i = j + 1;
      if (this.s[this.i] !== "'") return out;
      out += "'";
      this.i++;
    }
  }

  private call(head: string | null, depth: number): LinkCall {
    if (depth >= MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    this.i++; // '('
    const args: [string, LinkValue][] = [];
    if (this.s[this.i] === ')') {
      this.i++;
      return { kind: 'call', head, args };
    }
    for (;;) {
      const start = this.i;
      while (this.i < this.s.length && !"(),;='".includes(this.s[this.i])) this.i++;
      const key = this.s.slice(start, this.i);
      if (this.i >= this.s.length) this.fail(`the text ends inside ${head ?? ''}(…)`, true);
      if (!WORD.test(key)) this.fail(`'${key}' is not a setting name`);
      if (this.s[this.i] !== '=') this.fail(`'${key}' needs a value: ${key}=…`);
      this.i++;
      args.push([key, this.list(depth + 1)]);
      const c = this.s[this.i];
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === ')') {
        this.i++;
        return { kind: 'call', head, args };
      }
      if (c === undefined) this.fail(`the text ends inside ${head ?? ''}(…)`, true);
      this.fail(`unexpected '${c}' at character ${this.i + 1}`);
    }
  }
}

/** Parses one value; throws LinkSyntaxError. */
export function parseValue(text: string): LinkValue {
  return new Parser(text).parseAll();
}

/** Splits a list at its top-level ';' (outside calls and quotes), so items parse one by one. */
export function splitItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === "'") quoted = false; // '' re-opens on the next character
    } else if (c === "'") quoted = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      items.push(text.slice(start, i));
      start = i + 1;
    }
  }
  items.push(text.slice(start));
  return items;
}

function printString(s: string): string {
  if (isBareWord(s) && !NUMBER.test(s)) return s;
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Prints a value so parseValue gives it back. A list directly inside a list has no notation
 * (no schema of ours needs one): the schema layer never produces it.
 */
export function printValue(v: LinkValue): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return printString(v);
  if (Array.isArray(v)) {
    if (v.some(Array.isArray)) throw new Error('a list inside a list has no link notation');
    return v.map(printValue).join(';');
  }
  const args = v.args.map(([k, a]) => `${k}=${printValue(a)}`).join(',');
  return `${v.head ?? ''}(${args})`;
}
