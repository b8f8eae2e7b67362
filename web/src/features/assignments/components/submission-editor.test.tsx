import '../../../test/dialog';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test } from 'vitest';
import { fakeApi, renderWithApp } from '../../../test/render';
import { draftStore } from '../../../app/draft-store';
import type { ServerText } from '../draft-sync';
import { SubmissionEditor } from './submission-editor';

const { keepDraft, readDraft } = draftStore('assignment');

const conflict = () => new CombinedGraphQLErrors({ errors: [{ message: 'stale', extensions: { code: 'CONFLICT', field: 'body' } }] });

/** The API's rule for drafts: a stale version is refused, the newest text wins only when asked. */
function group(initial: ServerText) {
  const server = { current: initial, saves: [] as { body: string; expectedVersion: number | null }[], submitted: null as string | null };
  const saveAs = (body: string, status = 'DRAFT') => {
    server.current = { ...server.current, body, version: server.current.version + 1, status, updatedAt: '2026-12-02T03:42:00Z' };
    return server.current;
  };
  return {
    server,
    othersSave: (body: string, editorName: string) => {
      saveAs(body);
      server.current.editorName = editorName;
    },
    props: {
      save: async (body: string, expectedVersion: number | null) => {
        server.saves.push({ body, expectedVersion });
        if (expectedVersion !== server.current.version) throw conflict();
        return saveAs(body);
      },
      fetchCurrent: async () => server.current,
      submit: async (body: string, expectedVersion: number | null) => {
        if (expectedVersion !== server.current.version) throw conflict();
        server.submitted = body;
        return saveAs(body, 'SUBMITTED');
      },
    },
  };
}

function renderEditor(api: ReturnType<typeof group>, extra: { onSubmitted?: () => void } = {}) {
  const { client } = fakeApi(() => ({ data: {} }));
  return renderWithApp(
    <SubmissionEditor
      userId="me"
      assignmentId="plan"
      server={api.server.current}
      lang="en"
      pastDue={false}
      groupWork
      timeZone="Asia/Bangkok"
      language="en"
      onSubmitted={extra.onSubmitted ?? (() => {})}
      files={[]}
      onAttach={() => {}}
      onRemove={() => {}}
      {...api.props}
    />,
    { client },
  );
}

test('leaving the field saves at once, and the state says when', async () => {
  const api = group({ body: '', version: 1, status: 'DRAFT' });
  renderEditor(api);
  const box = await screen.findByLabelText("Your group's text");
  await userEvent.type(box, 'Visit the provinces');
  expect(readDraft('me', 'plan')?.body).toBe('Visit the provinces');
  await userEvent.tab();
  // 03:42 UTC is 10:42 in Bangkok.
  expect(await screen.findByText('Saved 10:42')).toBeInTheDocument();
  expect(api.server.current.body).toBe('Visit the provinces');
  expect(readDraft('me', 'plan')).toBeNull();
});

test('text kept on the device from before a reload is shown, said so, and saved', async () => {
  const api = group({ body: 'Intro', version: 2, status: 'DRAFT' });
  keepDraft('me', 'plan', 'Intro\nTyped while offline', 2);
  renderEditor(api);
  expect(await screen.findByLabelText("Your group's text")).toHaveValue('Intro\nTyped while offline');
  expect(screen.getByText(/What you wrote on this device that had not been saved yet is back/)).toBeInTheDocument();
  await waitFor(() => expect(api.server.current.body).toBe('Intro\nTyped while offline'));
});

test('a stale save offers both texts side by side and saves the combined one the learner edits', async () => {
  const api = group({ body: 'Intro', version: 1, status: 'DRAFT' });
  renderEditor(api);
  const box = await screen.findByLabelText("Your group's text");
  api.othersSave('Intro\nTheir paragraph', 'Mai');
  await userEvent.type(box, '{End}{Enter}My paragraph');
  await userEvent.tab();

  const dialog = await screen.findByRole('dialog', { name: 'Someone else saved first' });
  expect(within(dialog).getByText(/Mai saved your group's text/)).toBeInTheDocument();
  expect(within(dialog).getByTestId('merge-theirs')).toHaveTextContent('Their paragraph');
  expect(within(dialog).getByTestId('merge-mine')).toHaveTextContent('My paragraph');
  const combined = within(dialog).getByLabelText('Both texts combined');
  expect(combined).toHaveValue('Intro\nTheir paragraph\nMy paragraph');
  // Their text was not overwritten.
  expect(api.server.current.body).toBe('Intro\nTheir paragraph');

  await userEvent.type(combined, ' (agreed)');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Save the combined text' }));
  await waitFor(() => expect(api.server.current.body).toBe('Intro\nTheir paragraph\nMy paragraph (agreed)'));
  expect(api.server.saves.at(-1)?.expectedVersion).toBe(2);
  expect(await screen.findByLabelText("Your group's text")).toHaveValue('Intro\nTheir paragraph\nMy paragraph (agreed)');
  expect(screen.queryByRole('dialog')).toBeNull();
});

test('closing the choice keeps the learner’s text and a way back to it', async () => {
  const api = group({ body: 'A', version: 1, status: 'DRAFT' });
  renderEditor(api);
  const box = await screen.findByLabelText("Your group's text");
  api.othersSave('A, theirs', 'Mai');
  await userEvent.type(box, ', mine');
  await userEvent.tab();
  await userEvent.click(await screen.findByRole('button', { name: 'Decide later' }));
  expect(screen.getByTestId('save-state')).toHaveTextContent('someone in your group saved first');
  expect(readDraft('me', 'plan')?.body).toBe('A, mine');
  await userEvent.click(screen.getByRole('button', { name: 'Choose what to keep' }));
  await userEvent.click(await screen.findByRole('button', { name: 'Keep my text' }));
  await waitFor(() => expect(api.server.current.body).toBe('A, mine'));
});

test('submitting asks once more, then sends the text on its version', async () => {
  const api = group({ body: 'Final plan', version: 4, status: 'DRAFT' });
  let submitted = false;
  renderEditor(api, { onSubmitted: () => (submitted = true) });
  await userEvent.click(await screen.findByRole('button', { name: 'Submit' }));
  expect(api.server.submitted).toBeNull();
  expect(screen.getByText(/No one in the group can change it afterwards/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Yes, submit' }));
  await waitFor(() => expect(submitted).toBe(true));
  expect(api.server.submitted).toBe('Final plan');
});
