import { consentCreateSchema } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { rewordIssues } from './reword-issues.ts';

describe('rewordIssues', () => {
  it('gives chosen issues the widget’s words, keeping their paths and the rest of the schema’s', () => {
    const schema = rewordIssues(consentCreateSchema, (issue) => (issue.path === 'scope' ? 'Choose what the consent covers' : undefined));
    const parsed = schema.safeParse({ patientId: 'p-1' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['scope', 'Choose what the consent covers'],
      ['category', 'Required'],
    ]);
  });

  it('passes valid input through as the schema parses it, and leaves the schema itself alone', () => {
    const schema = rewordIssues(consentCreateSchema, () => 'never');
    const parsed = schema.safeParse({ patientId: 'p-1', scope: 'research', category: ' research ', policyRule: 'hipaa-research' });
    expect(parsed).toMatchObject({ success: true, data: { category: 'research' } });
    expect(consentCreateSchema.safeParse({ patientId: 'p-1' }).error?.issues[0]?.message).toBe('Required');
  });
});
