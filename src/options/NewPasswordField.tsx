import type { Ref } from 'preact';
import { Field } from '../ui/Field';
import { PASSWORD_POLICY } from './formProps';

/** The "New password" field of the reset and new-password forms, with Cognito's policy spelt out. */
export function NewPasswordField(props: {
  value: string;
  onInput: (value: string) => void;
  inputRef: Ref<HTMLInputElement>;
}) {
  return (
    <Field
      label="New password"
      type="password"
      autocomplete="new-password"
      value={props.value}
      onInput={props.onInput}
      hint={PASSWORD_POLICY}
      inputRef={props.inputRef}
    />
  );
}
