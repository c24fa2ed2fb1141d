import { useEffect, useState } from 'preact/hooks';
import { qrPath } from './qrPath';

const MARGIN = 4; // the quiet zone the QR standard asks for

/**
 * `text` as a QR code. The QR library is loaded on first use, in its own chunk: only the options
 * page imports it, and only when someone sets up an authenticator app.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [drawn, setDrawn] = useState<{ size: number; path: string } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import('qrcode-generator').then(
      ({ default: qrcode }) => {
        const qr = qrcode(0, 'M');
        qr.addData(text);
        qr.make();
        const size = qr.getModuleCount();
        if (live) setDrawn({ size, path: qrPath(size, (r, c) => qr.isDark(r, c), MARGIN) });
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [text]);

  if (failed)
    return <p class="muted">The QR code could not be drawn: type the key below instead.</p>;
  if (!drawn) return <div class="qr" aria-busy="true" />;
  const box = drawn.size + 2 * MARGIN;
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${box} ${box}`}
      shape-rendering="crispEdges"
    >
      <rect width={box} height={box} fill="#fff" />
      <path d={drawn.path} fill="#000" />
    </svg>
  );
}
