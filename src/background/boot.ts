import { isNumber, storageKey } from '../shared/storage';

/** The boot marker: a fresh id per worker start, and a count kept in storage across starts. */
export const bootId = crypto.randomUUID();
export const bootedAt = Date.now();

const bootsKey = storageKey<number>('boots', { validate: isNumber, fallback: 0 });

let boots: Promise<number> | undefined;

export function recordBoot(): Promise<number> {
  boots ??= bootsKey.get().then(async (count) => {
    await bootsKey.set(count + 1);
    return count + 1;
  });
  return boots;
}
