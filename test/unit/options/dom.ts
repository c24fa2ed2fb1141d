/** Finding things the way a person (and Playwright) does: by label text and button name. */
export function field(label: string): HTMLInputElement | HTMLTextAreaElement {
  const found = [...document.querySelectorAll('label')].find(
    (l) => l.textContent?.trim() === label,
  );
  if (!found) throw new Error(`No field labelled "${label}"`);
  const control = found.htmlFor
    ? document.getElementById(found.htmlFor)
    : found.querySelector('input');
  if (!control) throw new Error(`Label "${label}" points at nothing`);
  return control as HTMLInputElement;
}

export function button(name: string): HTMLButtonElement {
  const found = buttons().find((b) => b.textContent?.trim() === name);
  if (!found)
    throw new Error(
      `No button "${name}" in: ${buttons()
        .map((b) => b.textContent)
        .join(' | ')}`,
    );
  return found;
}

export const buttons = () => [...document.querySelectorAll('button')];
export const labels = () =>
  [...document.querySelectorAll('label')].map((l) => l.textContent?.trim() ?? '');
export const alerts = () =>
  [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent?.trim());
export const statuses = () =>
  [...document.querySelectorAll('[role="status"]')].map((a) => a.textContent?.trim());

export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets Preact render, as a browser does between a keystroke and the next event. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Presses a submit button (`times` presses in a row, as fast as a double Enter). */
export async function submit(name: string, times = 1): Promise<void> {
  await tick();
  const b = button(name);
  for (let i = 0; i < times; i++) b.form?.requestSubmit(b);
}

export async function click(control: HTMLElement): Promise<void> {
  await tick();
  control.click();
}
