import type { BackendConfig } from '../shared/config';
import { summarizeConfig } from './summarizeConfig';

export function ConfigSummary({ config }: { config: BackendConfig }) {
  return (
    <dl class="summary" aria-label="Configured backend">
      {summarizeConfig(config).map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
