// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { focusTarget } from '../../../src/options/focusTarget';

function inputs(...values: string[]): HTMLInputElement[] {
  return values.map((value) => {
    const input = document.createElement('input');
    input.value = value;
    return input;
  });
}

describe('focusTarget', () => {
  it.each([
    ['the first empty field', ['demo@x', '', ''], null, 1],
    ['the first field when all are filled', ['a', 'b'], null, 0],
    ['the first field of an empty form', ['', ''], null, 0],
  ])('chooses %s', (_, values, _active, expected) => {
    const list = inputs(...values);
    expect(focusTarget(list, document.body)).toBe(list[expected]);
  });

  it('leaves focus alone when the person is already in one of the fields', () => {
    const list = inputs('demo@x', '', '');
    expect(focusTarget(list, list[2]!)).toBeNull();
    expect(focusTarget(list, list[0]!)).toBeNull();
  });

  it('takes focus from something outside the form', () => {
    const list = inputs('', '');
    const elsewhere = document.createElement('button');
    expect(focusTarget(list, elsewhere)).toBe(list[0]);
  });

  it('has nothing to focus in a form without fields', () => {
    expect(focusTarget([], null)).toBeNull();
  });
});
