/** A cursor over the lexer's tokens, with the small helpers recursive descent needs. */
import { sqlError } from './errors.ts';
import type { Token } from './lexer.ts';
import { lex } from './lexer.ts';

export class TokenStream {
  protected readonly toks: Token[];
  protected i = 0;
  constructor(sql: string) {
    this.toks = lex(sql);
  }

  protected peek(o = 0): Token {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  protected next(): Token {
    const t = this.peek();
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  protected isKw(word: string, o = 0): boolean {
    const t = this.peek(o);
    return t.k === 'ident' && !t.quoted && t.v === word;
  }
  protected isOp(op: string, o = 0): boolean {
    const t = this.peek(o);
    return t.k === 'op' && t.v === op;
  }
  protected acceptKw(word: string): boolean {
    if (!this.isKw(word)) return false;
    this.next();
    return true;
  }
  protected acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.next();
    return true;
  }
  protected fail(t: Token = this.peek()): never {
    if (t.k === 'eof') throw sqlError('syntax error at end of input', t.pos);
    throw sqlError(`syntax error at or near "${t.raw}"`, t.pos);
  }
  protected expectKw(word: string): void {
    if (!this.acceptKw(word)) this.fail();
  }
  protected expectOp(op: string): void {
    if (!this.acceptOp(op)) this.fail();
  }
  protected ident(): { v: string; pos: number } {
    const t = this.peek();
    if (t.k !== 'ident') this.fail();
    this.next();
    return { v: t.v, pos: t.pos };
  }
}
