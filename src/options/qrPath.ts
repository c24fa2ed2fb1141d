/** The dark modules of a QR code as one SVG path (one unit per module, `margin` units of quiet zone). */
export function qrPath(
  size: number,
  isDark: (row: number, col: number) => boolean,
  margin: number,
): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (isDark(row, col)) parts.push(`M${col + margin} ${row + margin}h1v1h-1z`);
    }
  }
  return parts.join('');
}
