import { describe, expect, it } from 'vitest';
import type { Note } from '@/lib/forge/model';
import { ForgeError } from '@/lib/forge/errors';
import { formatUpdate } from '@/lib/handbook/status/status-format';
import { newUpdateId } from '@/lib/handbook/status/status-marker';
import { PostOutcomeUnknownError, isRetryable, postOnce, type PostOnceOptions } from './idempotent-post';

type Step = 'ok' | 'timeout-after-create' | 'timeout-lands-later' | '500' | '403';

/** An issue's notes on a forge, with scripted failures. */
class FakeIssue {
  notes: Note[] = [];
  creates = 0;
  steps: Step[] = [];
  /** Reads of the notes that fail before one succeeds again. */
  failingReads = 0;
  /** A created note the forge has not shown yet (it lands when the client waits). */
  landing: Note | null = null;
  gate: Promise<void> | null = null;
  private seq = 900;

  async list(): Promise<Note[]> {
    await Promise.resolve();
    if (this.failingReads > 0) {
      this.failingReads--;
      throw new ForgeError('forge', 'GitLab answered 502 Bad Gateway', 502);
    }
    return this.notes.map((n) => ({ ...n }));
  }

  async create(body: string): Promise<Note> {
    this.creates++;
    if (this.gate) await this.gate;
    const step = this.steps.shift() ?? 'ok';
    if (step === '500') throw new ForgeError('forge', 'GitLab answered 500 Internal Server Error', 500);
    if (step === '403') throw new ForgeError('forge', 'You cannot comment on this issue', 403);
    const at = new Date(Date.UTC(2025, 10, 6, 9, 0, this.seq % 60)).toISOString();
    const note: Note = {
      id: this.seq++,
      body,
      author: { id: 7, username: 'erin', name: 'Erin', avatarUrl: null, webUrl: null },
      createdAt: at,
      updatedAt: at,
      system: false,
    };
    if (step === 'timeout-lands-later') {
      this.landing = note;
      throw new Error('The request timed out after 30 s');
    }
    this.notes.push(note);
    if (step === 'timeout-after-create') throw new Error('The request timed out after 30 s');
    return note;
  }

  /** Waiting lets a slow create land. */
  sleep = async (_ms: number) => {
    if (this.landing) this.notes.push(this.landing);
    this.landing = null;
  };

  post(id: string, more: Partial<PostOnceOptions> = {}) {
    const body = formatUpdate(
      { complete: 60, confidence: 85, notes: 'specs for the cursor are green', concern: 'backend', health: null, changes: [] },
      { forge: 'gitlab', updateId: id, healthVia: 'none' },
    );
    return postOnce({ notes: () => this.list(), create: (b) => this.create(b), body, updateId: id, sleep: this.sleep, ...more });
  }
}

describe('postOnce', () => {
  it('posts once when all goes well', async () => {
    const issue = new FakeIssue();
    const result = await issue.post(newUpdateId());
    expect(result).toMatchObject({ outcome: 'created', creates: 1 });
    expect(issue.notes).toHaveLength(1);
    expect(result.note.body).toMatch(/^Complete: 60%/);
  });

  it('does not post again after a timeout when the forge did create the note', async () => {
    const issue = new FakeIssue();
    issue.steps = ['timeout-after-create'];
    const result = await issue.post(newUpdateId());
    expect(result).toMatchObject({ outcome: 'confirmed', creates: 1 });
    expect(issue.notes).toHaveLength(1);
  });

  it('waits before looking again, so a create that lands late is found instead of repeated', async () => {
    const issue = new FakeIssue();
    issue.steps = ['timeout-lands-later'];
    const result = await issue.post(newUpdateId());
    expect(result).toMatchObject({ outcome: 'confirmed', creates: 1 });
    expect(issue.notes).toHaveLength(1);
  });

  it('posts once more after a 500 that created nothing', async () => {
    const issue = new FakeIssue();
    issue.steps = ['500'];
    const result = await issue.post(newUpdateId());
    expect(result).toMatchObject({ outcome: 'created', creates: 2 });
    expect(issue.notes).toHaveLength(1);
  });

  it('makes one comment for two calls at once with the same id (double click)', async () => {
    const issue = new FakeIssue();
    let open!: () => void;
    issue.gate = new Promise((resolve) => (open = resolve));
    const id = newUpdateId();
    const first = issue.post(id);
    const second = issue.post(id);
    await Promise.resolve();
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(issue.creates).toBe(1);
    expect(issue.notes).toHaveLength(1);
    expect(b.note.id).toBe(a.note.id);
  });

  it('does not post an update that is already on the issue (a retry later, another tab)', async () => {
    const issue = new FakeIssue();
    const id = newUpdateId();
    await issue.post(id);
    const again = await issue.post(id);
    expect(again).toMatchObject({ outcome: 'existing', creates: 0 });
    expect(issue.notes).toHaveLength(1);
  });

  it('posts different updates separately', async () => {
    const issue = new FakeIssue();
    await issue.post(newUpdateId());
    await issue.post(newUpdateId());
    expect(issue.notes).toHaveLength(2);
  });

  it('stops at a refusal without retrying', async () => {
    const issue = new FakeIssue();
    issue.steps = ['403'];
    await expect(issue.post(newUpdateId())).rejects.toThrow('You cannot comment on this issue');
    expect(issue.creates).toBe(1);
  });

  it('gives up after the allowed attempts with the last error, having created nothing', async () => {
    const issue = new FakeIssue();
    issue.steps = ['500', '500', '500', 'ok'];
    await expect(issue.post(newUpdateId(), { attempts: 3 })).rejects.toThrow('500 Internal Server Error');
    expect(issue.creates).toBe(3);
    expect(issue.notes).toHaveLength(0);
  });

  it('never retries blind: when the notes cannot be read after a failed create, the outcome is reported unknown', async () => {
    const issue = new FakeIssue();
    issue.steps = ['timeout-lands-later'];
    issue.sleep = async () => undefined;
    const list = issue.list.bind(issue);
    let reads = 0;
    const notes = async () => {
      if (++reads > 1) throw new ForgeError('network', 'No answer from gitlab.com');
      return list();
    };
    await expect(issue.post(newUpdateId(), { notes })).rejects.toBeInstanceOf(PostOutcomeUnknownError);
    expect(issue.creates).toBe(1);
  });

  it('does not post when the notes cannot be read at all', async () => {
    const issue = new FakeIssue();
    issue.failingReads = 10;
    await expect(issue.post(newUpdateId())).rejects.toThrow('502 Bad Gateway');
    expect(issue.creates).toBe(0);
  });

  it('retries a failed read of the notes before posting', async () => {
    const issue = new FakeIssue();
    issue.failingReads = 1;
    await expect(issue.post(newUpdateId())).resolves.toMatchObject({ outcome: 'created' });
    expect(issue.notes).toHaveLength(1);
  });

  it('refuses a body without its marker', async () => {
    const issue = new FakeIssue();
    await expect(
      postOnce({ notes: () => issue.list(), create: (b) => issue.create(b), body: 'Complete: 5%', updateId: newUpdateId() }),
    ).rejects.toThrow(/marker/);
    expect(issue.creates).toBe(0);
  });
});

describe('isRetryable', () => {
  it('retries what may pass later and stops at refusals', () => {
    expect(isRetryable(new Error('The request timed out'))).toBe(true);
    expect(isRetryable(new ForgeError('forge', '502', 502))).toBe(true);
    expect(isRetryable(new ForgeError('rate-limited', 'slow down', 429))).toBe(true);
    expect(isRetryable(new ForgeError('network', 'offline'))).toBe(true);
    expect(isRetryable(new ForgeError('auth', 'token expired', 401))).toBe(false);
    expect(isRetryable({ kind: 'forbidden', message: 'no' })).toBe(false);
    expect(isRetryable({ status: 422 })).toBe(false);
  });
});
