import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJson } from '../electron/web/ascii-json';

describe('JSON for the WebSocket in ASCII', () => {
  it('reads back as the same value, and has no byte outside ASCII (property)', () => {
    // 'binary' strings: any code point, lone surrogates included.
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (value) => {
        const text = asciiJson(value);
        expect(text).toMatch(/^[\x20-\x7e]*$/u);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('escapes a name as JSON would read it', () => {
    expect(asciiJson({ author: 'Łukasz Kaiser 🤗' })).toBe('{"author":"\\u0141ukasz Kaiser \\ud83e\\udd17"}');
  });
});
