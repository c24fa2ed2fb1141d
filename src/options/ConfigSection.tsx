import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { send } from '../shared/client';
import { parseConfig, type BackendConfig } from '../shared/config';
import type { ConfigSource } from '../shared/protocol';
import { Alert, Notice } from '../ui/Alert';
import { BusyButton } from '../ui/BusyButton';
import { toErrorInfo } from '../ui/errorInfo';
import { useAsync } from '../ui/useAsync';
import { ConfigSummary } from './ConfigSummary';
import { sourceLine } from './summarizeConfig';
import { FileImport } from './FileImport';
import { HostAccess } from './HostAccess';

const pretty = (config: BackendConfig | null) => (config ? JSON.stringify(config, null, 2) : '');

interface Saved {
  config: BackendConfig | null;
  source: ConfigSource;
}

export function ConfigSection({ onSaved }: { onSaved: () => void }) {
  const [saved, setSaved] = useState<Saved | null>(null);
  const [text, setText] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, run } = useAsync();
  const box = useRef<HTMLTextAreaElement>(null);
  // Live validation: the same parser the worker uses, so the page says what the worker would.
  const check = useMemo(() => (text.trim() ? parseConfig(text) : null), [text]);

  useEffect(() => {
    send('config.get').then(
      (value) => {
        setSaved(value);
        // Whatever was typed while the worker woke up wins over the stored value.
        setText((typed) => typed || pretty(value.config));
      },
      (err: unknown) => {
        setSaved({ config: null, source: 'none' });
        setAlert(toErrorInfo(err).message);
      },
    );
  }, []);

  const edit = (value: string) => {
    setText(value);
    setAlert(null);
    setNotice(null);
  };

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setNotice(null);
    if (!check || !check.ok) {
      // No need to wake the worker for an answer the page already has.
      setAlert(check?.message ?? 'Paste a backend configuration first.');
      box.current?.focus();
      return;
    }
    setAlert(null);
    const outcome = await run(() => send('config.save', { json: text }));
    if (!outcome) return;
    if (!outcome.ok) {
      setAlert(outcome.error.message);
      box.current?.focus();
      return;
    }
    const { config, signedOut } = outcome.value;
    setSaved({ config, source: 'saved' });
    setText(pretty(config));
    setNotice(
      signedOut
        ? 'Configuration saved. Changing the backend signed you out: sign in again below.'
        : 'Configuration saved.',
    );
    onSaved();
  };

  const problem = !alert && check && !check.ok ? check.message : null;
  return (
    <form onSubmit={(e) => void onSubmit(e)}>
      <label for="backend-config">Backend configuration</label>
      <p id="backend-config-source" class="muted hint">
        {saved ? sourceLine(saved.source, saved.config) : 'Loading…'}
      </p>
      <textarea
        id="backend-config"
        ref={box}
        value={text}
        spellcheck={false}
        autocomplete="off"
        aria-invalid={!!(alert || problem)}
        aria-describedby={`backend-config-source${problem ? ' backend-config-problem' : ''}`}
        placeholder={'{\n  "region": "eu-central-1",\n  …\n}'}
        onInput={(e) => edit(e.currentTarget.value)}
      />
      {problem && (
        <p id="backend-config-problem" class="error hint">
          {problem}
        </p>
      )}
      <Alert message={alert} />
      <Notice message={notice} />
      <div class="actions">
        <BusyButton busy={busy} primary>
          Save configuration
        </BusyButton>
        <FileImport onText={edit} onError={setAlert} />
      </div>
      {saved?.config && (
        <>
          <h3>Configured backend</h3>
          <ConfigSummary config={saved.config} />
          <HostAccess config={saved.config} />
        </>
      )}
    </form>
  );
}
