import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { BackendConfig } from '../shared/config';
import { hostsLabel, hostsOf, permissionOrigins } from './summarizeConfig';

function optionalHosts(): string[] {
  const manifest = browser.runtime.getManifest?.() as
    { optional_host_permissions?: string[] } | undefined;
  return manifest?.optional_host_permissions ?? [];
}

/**
 * Optional direct access to the backend's hosts. Asked only from a click: a prompt needs a user
 * gesture, and saving must never block on one.
 */
export function HostAccess({ config }: { config: BackendConfig }) {
  const origins = permissionOrigins(config, optionalHosts());
  const key = origins.join(' ');
  const [granted, setGranted] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setGranted(null);
    if (!key || !browser.permissions) return;
    const wanted = key.split(' ');
    browser.permissions.contains({ origins: wanted }).then(setGranted, () => setGranted(false));
  }, [key]);

  if (!origins.length || !browser.permissions) return null;

  const onClick = () => {
    setError(null);
    // Called before any await: the browser shows the prompt only inside the click.
    browser.permissions.request({ origins }).then(setGranted, (err: unknown) => {
      setError(err instanceof Error ? err.message : String(err));
    });
  };

  return (
    <div class="host-access">
      {granted ? (
        <p class="muted">Direct access to {hostsOf(origins).join(', ')} is allowed.</p>
      ) : (
        <>
          <button type="button" onClick={onClick}>
            Allow direct access to {hostsLabel(origins)}
          </button>
          <p class="muted hint">
            Optional: lets the extension read the server’s clock ({hostsOf(origins).join(', ')}) to
            correct a wrong computer clock. Everything works without it.
          </p>
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
        </>
      )}
    </div>
  );
}
