/**
 * The one gate for text that comes from a file: which characters a cell may not hold, and how
 * text from a file is shown (in a report, in the admin page, on a terminal) so that none of it
 * can act as a control: no NUL (PostgreSQL refuses it in text), no terminal escape sequence, no
 * bidirectional override that turns "宝山\u202excod.exe" into "宝山exe.docx", no invisible
 * zero-width character that makes two names look the same.
 */

/** A character a cell may not hold, with a name an office can look up. */
export interface UnsafeCharacter {
  /** U+202E */
  codePoint: string;
  zh: string;
  en: string;
}

const CLASSES: readonly { test: (c: number) => boolean; zh: string; en: string }[] = [
  {
    // C0 controls and DEL; tab and line breaks are decided by the caller.
    test: (c) => c < 0x20 || c === 0x7f,
    zh: '控制字符',
    en: 'a control character',
  },
  { test: (c) => c >= 0x80 && c <= 0x9f, zh: '控制字符', en: 'a control character' },
  {
    test: (c) =>
      (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0x200e || c === 0x200f || c === 0x061c,
    zh: '文字方向控制符（可使文字显示顺序与实际不同）',
    en: 'a text-direction control (it can make text display in another order than it is stored)',
  },
  {
    test: (c) => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0x00ad || c === 0x180e,
    zh: '不可见的零宽字符',
    en: 'an invisible zero-width character',
  },
  {
    // Line and paragraph separators, and the private "interlinear annotation" controls.
    test: (c) => c === 0x2028 || c === 0x2029 || (c >= 0xfff9 && c <= 0xfffb),
    zh: '不可见的排版控制符',
    en: 'an invisible layout control',
  },
];

const codePointText = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

function classOf(c: number) {
  return CLASSES.find((k) => k.test(c)) ?? null;
}

/**
 * The first character of `text` a cell may not hold, or null. `allowLineBreaks` lets a long text
 * (a project's description) keep its tabs and line breaks (Alt+Enter in Excel).
 */
export function unsafeCharacter(text: string, opts: { allowLineBreaks?: boolean } = {}): UnsafeCharacter | null {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (opts.allowLineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    const kind = classOf(c);
    if (kind) return { codePoint: codePointText(c), zh: kind.zh, en: kind.en };
  }
  return null;
}

/**
 * `text` with every character a cell may not hold written out as `<U+001B>`: what a report, the
 * admin page or a terminal shows of text read from a file. `keepLineBreaks` keeps `\n` (the
 * lines of a report printed to a terminal).
 */
export function visible(text: string, opts: { keepLineBreaks?: boolean } = {}): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (opts.keepLineBreaks && c === 0x0a) out += ch;
    else out += classOf(c) ? `<${codePointText(c)}>` : ch;
  }
  return out;
}
