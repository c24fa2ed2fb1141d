/**
 * Where focus goes when a new form appears: nowhere if the person is already in one of its fields
 * (a late move would send their keystrokes elsewhere), else the first empty field, else the first.
 */
export function focusTarget(
  inputs: readonly HTMLInputElement[],
  active: Element | null,
): HTMLInputElement | null {
  if (active && inputs.includes(active as HTMLInputElement)) return null;
  return inputs.find((input) => input.value === '') ?? inputs[0] ?? null;
}
