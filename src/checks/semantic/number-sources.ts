import { rawValuesAt } from '../../json/index.ts';
import { mayHoldInexact } from '../context.ts';
import { concretePointer, forEachBinding, type Binding } from './evaluate.ts';
import { valueAtSegments, type Pattern } from './pattern.ts';
import type { Places } from './places.ts';
import { membersWrittenAsParsed } from './written-numbers.ts';

/**
 * The source texts of one body's numbers, as the rules of an operation reach them: looked up once,
 * on first need, for every number any pattern of the table reaches (one pass over the text, whatever
 * their count), and not at all where the text writes each as the double JSON.parse made of it prints.
 */
export class NumberSources {
  /** null: not looked at yet; undefined: the text holds no number a double could not keep, so none is needed. */
  private sources: Map<string, string> | undefined | null = null;
  /** Whether the text has no backslash (null: not looked at yet), and by searched tail (Places.tails), whether the numbers of its names are written as parsed. */
  private plainText: boolean | null = null;
  private writtenAsParsed: Map<string, boolean> | null = null;
  private lastName: string | null = null;
  private lastAnswer = false;

  /** `json`: the parsed body and its text, as the checks' context holds them. */
  constructor(
    private readonly json: { value: unknown; text: string },
    private readonly places: Places,
  ) {}

  /**
   * The source text of a number at a pattern under a binding; undefined where it is String(value):
   * where every number written under its member name is (found by that name, cheaper than the whole
   * text's scan), or where the text holds no number a double could not keep.
   */
  source(pattern: Pattern, binding: Binding): string | undefined {
    if (pattern.name !== null && this.namedWrittenAsParsed(pattern.name)) return undefined;
    if (this.sources === null) this.sources = mayHoldInexact(this.json) ? this.numberSources() : undefined;
    return this.sources?.get(concretePointer(pattern.segments, binding));
  }

  private namedWrittenAsParsed(name: string): boolean {
    // A rule's amounts come one after another under one name: the last name's answer is kept at hand.
    if (name === this.lastName) return this.lastAnswer;
    const { text } = this.json;
    if (!(this.plainText ??= !text.includes('\\'))) return false;
    const tail = this.places.tails.get(name)!;
    const known = (this.writtenAsParsed ??= new Map());
    let answer = known.get(tail);
    if (answer === undefined) known.set(tail, (answer = membersWrittenAsParsed(text, tail, this.places.names)));
    this.lastName = name;
    return (this.lastAnswer = answer);
  }

  /** The source text of every number the table's patterns reach, in one pass over the text. */
  private numberSources(): Map<string, string> {
    const numbers: string[] = [];
    const root = this.json.value;
    for (const text of this.places.patterns) {
      const { segments } = this.places.place(text).pattern;
      forEachBinding(segments, root, (binding) => {
        if (typeof valueAtSegments(root, segments, binding) === 'number') numbers.push(concretePointer(segments, binding));
      });
    }
    return rawValuesAt(this.json.text, numbers);
  }
}
