import { describe, expect, it } from 'vitest';
import { parseXml } from './xml.ts';

// The JUnit tests lean on this reader to prove well-formedness, so it must reject what a real parser rejects.
describe('the test XML reader', () => {
  it('reads elements, attributes and entities', () => {
    expect(parseXml('<?xml version="1.0"?>\n<a x="1 &amp; &#10;2"><b>&lt;t&gt;</b></a>\n')).toEqual({
      name: 'a',
      attributes: { x: '1 & \n2' },
      text: '',
      children: [{ name: 'b', attributes: {}, text: '<t>', children: [] }],
    });
  });

  it.each([
    ['<a><b></a>', 'mismatched end tag'],
    ['<a>1 & 2</a>', 'bare "&"'],
    ['<a x="<"/>', 'raw "<"'],
    ['<a x=1/>', 'not quoted'],
    ['<a x="1" x="2"/>', 'duplicate attribute'],
    ['<a/><b/>', 'after the root'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a>\u0001</a>', 'forbids'],
  ])('rejects %j', (xml, why) => {
    expect(() => parseXml(xml)).toThrow(why);
  });
});
