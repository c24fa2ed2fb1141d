/** The index sort keys: a time, then the id, so entries of the same millisecond keep one order. */
export function createdSkOf(createDate: string, id: string): string {
  return `${createDate}#${id}`;
}

export function updatedSkOf(updateDate: string, id: string): string {
  return `${updateDate}#${id}`;
}
