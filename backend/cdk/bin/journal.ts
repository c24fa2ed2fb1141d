import { App, Tags } from 'aws-cdk-lib';
import { JournalStack } from '../lib/journalStack';

const app = new App();
// No `env`: the stack is environment-agnostic, so synth needs no account and deploy goes wherever
// the caller's AWS profile points.
new JournalStack(app, 'JournalBackend', {
  description: 'Journal for the browser: Cognito, API Gateway, Lambda and DynamoDB',
});
Tags.of(app).add('project', 'journal-for-the-browser');
