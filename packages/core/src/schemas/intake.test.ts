import { describe, expect, it } from 'vitest';
import { isWebLink } from './common.ts';
import { intakeCreateSchema, intakeUpdateSchema } from './intake.ts';

const failures = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

/** An intake whose one `url` question, nested in a group, is answered with `link`. */
const withLink = (link: string) => ({
  patientId: 'pat-1',
  items: [{ linkId: 'about-you', items: [{ linkId: 'documents', answer: [{ valueUri: link }] }] }],
});

const ANSWER = 'items.0.items.0.answer.0.valueUri';

describe('an intake url answer', () => {
  it.each(['https://records.example.org/amara', 'http://clinic.example/a?b=c#d', 'HTTPS://EXAMPLE.ORG', '  https://example.org/trimmed  '])(
    'accepts the web address %j',
    (link) => {
      const parsed = intakeCreateSchema.parse(withLink(link));
      expect(parsed.items[0]?.items?.[0]?.answer?.[0]?.valueUri).toBe(link.trim());
    },
  );

  it.each([
    'javascript:alert(document.cookie)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'mailto:someone@example.org',
    'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
    '//evil.example/path',
    'https://',
    'https:///path',
    'https://exa mple.org',
  ])('refuses %j, saying what it takes, when created and when changed', (link) => {
    expect(failures(intakeCreateSchema.safeParse(withLink(link)))).toEqual({ [ANSWER]: 'Must be an http or https link' });
    const { patientId: _, ...changes } = withLink(link);
    expect(failures(intakeUpdateSchema.safeParse(changes))).toEqual({ [ANSWER]: 'Must be an http or https link' });
  });

  it('leaves the other URIs of an intake as they were: an item definition may be a URN', () => {
    const result = intakeCreateSchema.safeParse({
      patientId: 'pat-1',
      items: [{ linkId: 'q', definition: 'urn:oid:1.2.3', answer: [{ valueString: 'x' }] }],
    });
    expect(failures(result)).toEqual({});
  });

  it('is the check isWebLink makes, which widgets use before they show a link', () => {
    expect(['https://example.org', 'javascript:alert(1)', 'data:,x', 'https://'].map(isWebLink)).toEqual([true, false, false, false]);
  });
});
