/** The API's limit on an entry (Contract 3); checked here too so the person hears it before a round trip. */
export const MAX_ENTRY_CHARS = 65_536;
