/**
 * A pact file's text as pact-core writes it (serde's pretty JSON, keys sorted, interactions sorted by
 * description), cut into its parts and joined again: pact files written in chunks become the one file
 * pact-core would have written for all their interactions, byte for byte, without pact-core's own merge
 * (it re-reads and re-sorts the whole file on every write: quadratic in the number of chunks).
 */
export interface PactParts {
  /** Everything up to the first interaction: consumer and the opening of the list. */
  head: string;
  interactions: PactInteractionText[];
  /** Everything after the last interaction: metadata and provider. */
  tail: string;
}

export interface PactInteractionText {
  description: string;
  text: string;
}

const LIST_OPEN = '\n  "interactions": [\n';
// JSON strings hold no raw line break, so these lines can only be the list's own structure.
const LIST_CLOSE = '\n  ]';
const BETWEEN = '\n    },\n    {\n';
const DESCRIPTION = '\n      "description": ';

export function splitPact(text: string): PactParts {
  const open = text.indexOf(LIST_OPEN);
  const close = open === -1 ? -1 : text.indexOf(LIST_CLOSE, open + LIST_OPEN.length);
  if (close === -1) throw new Error('pact-core wrote a pact without a list of interactions');
  const head = text.slice(0, open + LIST_OPEN.length);
  const list = text.slice(head.length, close);
  const interactions: PactInteractionText[] = [];
  for (let from = 0; from < list.length; ) {
    const between = list.indexOf(BETWEEN, from);
    const end = between === -1 ? list.length : between + '\n    }'.length;
    const interaction = list.slice(from, end);
    interactions.push({ description: descriptionOf(interaction), text: interaction });
    from = between === -1 ? list.length : between + '\n    },\n'.length;
  }
  return { head, interactions, tail: text.slice(close) };
}

/**
 * The one pact of every part's interactions, in pact-core's order, as the pieces of its text one after
 * another (written so: the whole text is never held at once); the parts must be of one pact (same head and tail).
 */
export function joinPacts(parts: readonly PactParts[]): string[] {
  const [first] = parts;
  if (!first) throw new Error('no pact to join');
  if (parts.some((part) => part.head !== first.head || part.tail !== first.tail)) throw new Error('pact-core wrote the chunks of one contract differently');
  const interactions = parts.flatMap((part) => part.interactions);
  // pact-core sorts by description as Rust compares strings: UTF-8 bytes, i.e. code points (not JavaScript's UTF-16 units).
  const keys = new Map(interactions.map((interaction) => [interaction, Buffer.from(interaction.description, 'utf8')]));
  interactions.sort((a, b) => Buffer.compare(keys.get(a)!, keys.get(b)!));
  return [first.head, ...interactions.flatMap((interaction, i) => (i === 0 ? [interaction.text] : [',\n', interaction.text])), first.tail];
}

function descriptionOf(interaction: string): string {
  const at = interaction.indexOf(DESCRIPTION);
  if (at === -1) throw new Error('pact-core wrote an interaction without a description');
  const line = interaction.slice(at + DESCRIPTION.length, interaction.indexOf('\n', at + 1));
  return JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as string;
}
