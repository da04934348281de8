/**
 * A strict reader for the XML subset conform writes (declaration, elements, attributes, text, the
 * five named entities and character references). Any well-formedness error throws: no XML parser is
 * installed, and this is enough to prove junit.xml parses and to read its counts back.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`XML not well-formed at offset ${at}: ${why}`);
  };
  const skipSpace = () => {
    while (/\s/.test(source[at] ?? '')) at++;
  };
  const name = (): string => {
    const match = NAME.exec(source.slice(at));
    if (!match) fail('expected a name');
    at += match![0].length;
    return match![0];
  };
  const decode = (raw: string): string => {
    if (/[<]/.test(raw)) fail('raw "<" in character data');
    return raw.replace(/&([^;]*);|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) return fail('bare "&"');
      if (ref in ENTITIES) return ENTITIES[ref]!;
      const code = /^#x([0-9a-f]+)$/i.exec(ref) ? parseInt(ref.slice(2), 16) : /^#(\d+)$/.exec(ref) ? Number(ref.slice(1)) : fail(`unknown entity ${whole}`);
      return String.fromCodePoint(code);
    });
  };
  const element = (): XmlElement => {
    if (source[at] !== '<') fail('expected "<"');
    at++;
    const node: XmlElement = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return node;
      }
      if (source[at] === '>') break;
      const attribute = name();
      if (attribute in node.attributes) fail(`duplicate attribute ${attribute}`);
      skipSpace();
      if (source[at] !== '=') fail('expected "="');
      at++;
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail('attribute value not quoted');
      const end = source.indexOf(quote!, at + 1);
      if (end < 0) fail('unterminated attribute value');
      node.attributes[attribute] = decode(source.slice(at + 1, end));
      at = end + 1;
    }
    at++;
    for (;;) {
      const next = source.indexOf('<', at);
      if (next < 0) fail(`unclosed <${node.name}>`);
      node.text += decode(source.slice(at, next));
      at = next;
      if (source.startsWith('</', at)) {
        at += 2;
        if (name() !== node.name) fail(`mismatched end tag for <${node.name}>`);
        skipSpace();
        if (source[at] !== '>') fail('expected ">"');
        at++;
        return node;
      }
      node.children.push(element());
    }
  };

  if (source.startsWith('<?xml')) {
    at = source.indexOf('?>') + 2;
    if (at < 2) fail('unterminated declaration');
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (at !== source.length) fail('content after the root element');
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u.test(source)) throw new Error('XML holds a character XML 1.0 forbids');
  return root;
}

export function childrenNamed(node: XmlElement, name: string): XmlElement[] {
  return node.children.filter((c) => c.name === name);
}
