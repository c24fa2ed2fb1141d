import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { JournalStack } from '../../../backend/cdk/lib/journalStack';

const cdkJson = new URL('../../../backend/cdk/cdk.json', import.meta.url);

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

export interface SynthesizedStack {
  template: Template;
  resources: Record<string, CfnResource>;
  outputs: Record<string, { Value: unknown }>;
  /** The folder the Lambda bundle was written to. */
  assetDir: (assetHash: string) => string;
}

/**
 * Synthesizes the stack the way `cdk synth` does: same feature flags (cdk.json's context), real
 * esbuild bundling of backend/api/handler.ts, no account or region.
 */
export function synthJournalStack(
  outdir: string,
  extraContext: Record<string, unknown> = { ownerEmail: 'owner@example.com' },
): SynthesizedStack {
  const { context } = JSON.parse(readFileSync(cdkJson, 'utf8')) as {
    context: Record<string, unknown>;
  };
  const app = new App({ context: { ...context, ...extraContext }, outdir });
  const stack = new JournalStack(app, 'JournalTest');
  const assembly = app.synth();
  const json = assembly.getStackByName(stack.stackName).template as {
    Resources: Record<string, CfnResource>;
    Outputs: Record<string, { Value: unknown }>;
  };
  return {
    template: Template.fromJSON(json),
    resources: json.Resources,
    outputs: json.Outputs,
    assetDir: (hash) => join(assembly.directory, `asset.${hash}`),
  };
}

export function resourcesOfType(
  resources: Record<string, CfnResource>,
  type: string,
): [string, CfnResource][] {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

export function onlyResourceOfType(
  resources: Record<string, CfnResource>,
  type: string,
): [string, CfnResource] {
  const found = resourcesOfType(resources, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as [string, CfnResource];
}

/**
 * Evaluates the intrinsics CDK emits here (Ref, Fn::Join, Fn::GetAtt) with made-up values, so a
 * test can read an output or an ARN the way CloudFormation would produce it.
 */
export function evaluate(value: unknown, refs: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => evaluate(item, refs));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const [first] = entries;
  if (entries.length === 1 && first) {
    const [key, arg] = first;
    if (key === 'Ref') {
      const resolved = refs[arg as string];
      if (resolved === undefined) throw new Error(`no value for Ref ${String(arg)}`);
      return resolved;
    }
    if (key === 'Fn::GetAtt') {
      const [logicalId, attribute] = arg as [string, string];
      const resolved = refs[`${logicalId}.${attribute}`];
      if (resolved === undefined) throw new Error(`no value for GetAtt ${logicalId}.${attribute}`);
      return resolved;
    }
    if (key === 'Fn::Join') {
      const [separator, parts] = arg as [string, unknown[]];
      return parts.map((part) => evaluate(part, refs)).join(separator);
    }
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, evaluate(item, refs)]));
}
