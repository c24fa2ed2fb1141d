import { useRef } from 'preact/hooks';

// A configuration is a few hundred bytes; anything this large is the wrong file.
const MAX_BYTES = 64 * 1024;

interface Props {
  onText: (text: string) => void;
  onError: (message: string) => void;
}

/** A real button opens the hidden file input, so the control is reachable and named like the rest. */
export function FileImport({ onText, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);

  const onChange = async () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    if (input.current) input.current.value = ''; // choosing the same file again still fires
    if (file.size > MAX_BYTES) {
      onError(`“${file.name}” is too large to be a backend configuration.`);
      return;
    }
    try {
      onText(await file.text());
    } catch {
      onError(`“${file.name}” could not be read.`);
    }
  };

  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        Import from file…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={() => void onChange()}
      />
    </>
  );
}
