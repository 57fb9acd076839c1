import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe.ts';
import { renderMarkdown } from './markdown.tsx';

const rendered = (source: string) =>
  render(<div data-testid="note">{renderMarkdown(source)}</div>).container.firstElementChild as HTMLElement;

describe('renderMarkdown', () => {
  it('renders a SOAP note: headings under the widget’s own, lists, emphasis, code and line breaks', async () => {
    const note = rendered(
      [
        '## Subjective',
        'Patient reports **improved** sleep',
        'and *less* pain.',
        '',
        '### Plan',
        '1. Continue `lisinopril 10 mg`',
        '2. Recheck BP in 4 weeks',
        '',
        '- Diet advice given',
        '- See [guideline](https://example.org/htn)',
        '',
        '> Patient asked about_snake_case_names',
        '',
        '---',
        '```',
        '<b>not bold</b>',
        '```',
      ].join('\n'),
    );
    expect(screen.getByRole('heading', { level: 4, name: 'Subjective' })).toBeVisible();
    expect(screen.getByRole('heading', { level: 5, name: 'Plan' })).toBeVisible();
    expect(note.querySelector('p')?.innerHTML).toBe('Patient reports <strong>improved</strong> sleep<br>and <em>less</em> pain.');
    expect(screen.getAllByRole('list').map((list) => list.tagName)).toEqual(['OL', 'UL']);
    expect(screen.getByText('lisinopril 10 mg').tagName).toBe('CODE');
    expect(screen.getByRole('link', { name: 'guideline' })).toHaveAttribute('href', 'https://example.org/htn');
    expect(note.querySelector('blockquote')).toHaveTextContent('Patient asked about_snake_case_names');
    expect(note.querySelector('hr')).not.toBeNull();
    expect(note.querySelector('pre code')?.textContent).toBe('<b>not bold</b>');
    expect(note.querySelector('b')).toBeNull();
    await expectNoAxeViolations(note);
  });

  it('keeps whatever the note contains as text: no HTML, and links only to web addresses', () => {
    const note = rendered(
      '<img src=x onerror="alert(1)"> [click](javascript:alert(1)) [data](data:text/html,x) [mail](mailto:gp@example.org) [here](/patients/1) [ok](https://example.org/a)',
    );
    expect(note.querySelector('img')).toBeNull();
    expect(note).toHaveTextContent('<img src=x onerror="alert(1)"> click data mail here ok');
    expect(screen.getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual(['https://example.org/a']);
  });

  it('never skips a heading level, however the note nests them', () => {
    rendered('# Visit\n#### Detail');
    expect(screen.getAllByRole('heading').map((heading) => heading.tagName)).toEqual(['H4', 'H5']);
  });
});
