/** The one clock of the code base: epoch ms, injected so timing rules are tested with tables. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
