import { describe, expect, it } from 'vitest';
import { entryFieldsValid, typedYear } from './entry-fields';

describe('entry fields', () => {
  it('need a name, and a year the entry format accepts when one is typed', () => {
    expect(entryFieldsValid({ name: '重点工作提纲', occasion: '', year: '' })).toBe(true);
    expect(entryFieldsValid({ name: '  ', occasion: '推进会', year: '2026' })).toBe(false);
    expect(entryFieldsValid({ name: '提纲', occasion: '', year: '1948' })).toBe(false);
    expect(entryFieldsValid({ name: '提纲', occasion: '', year: '2026' })).toBe(true);
    expect(typedYear({ name: '', occasion: '', year: '' })).toBeUndefined();
    expect(typedYear({ name: '', occasion: '', year: '2026' })).toBe(2026);
  });
});
