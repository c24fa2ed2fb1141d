import type { Ref } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autocomplete: string;
  /** Shown under the field and read with it (e.g. the password policy). */
  hint?: string;
  inputMode?: 'numeric' | 'email' | 'text';
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input: the label's text is the field's accessible name, exactly. */
export function Field({
  label,
  value,
  onInput,
  type = 'text',
  autocomplete,
  hint,
  inputMode,
  required = true,
  inputRef,
}: Props) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        // Preact types <input> as a union keyed on a literal `type`; ours is one of three.
        type={type as 'text'}
        value={value}
        autocomplete={autocomplete}
        inputMode={inputMode}
        required={required}
        spellcheck={false}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {hint && (
        <p id={`${id}-hint`} class="hint muted">
          {hint}
        </p>
      )}
    </div>
  );
}
