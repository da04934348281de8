/**
 * A pact file's text as pact-core writes it (serde's pretty JSON, keys sorted, interactions sorted by
 * description), cut into its parts to be joined again (spilled-pact.ts): pact files written in chunks become the one file
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

function descriptionOf(interaction: string): string {
  const at = interaction.indexOf(DESCRIPTION);
  if (at === -1) throw new Error('pact-core wrote an interaction without a description');
  const line = interaction.slice(at + DESCRIPTION.length, interaction.indexOf('\n', at + 1));
  return JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as string;
}
