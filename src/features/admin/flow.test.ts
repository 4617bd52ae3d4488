import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { ImportReport, VersionRecord } from '../../api/admin';
import { adminFlow, fileRefusal, initialFlow, shown } from './flow';
import type { AdminEvent, AdminFlow } from './flow';

const file = (name = '2023年8月数据.xlsx', bytes = 1000) => new File(['x'.repeat(bytes)], name);

let seq = 0;
const report = (errors = 0, warnings = 0): ImportReport => ({
  id: `import-${String((seq += 1)).padStart(12, '0')}`,
  fileName: '2023年8月数据.xlsx',
  sha256: '3f'.repeat(32),
  bytes: 1000,
  format: 'xlsx',
  encoding: null,
  baseVersion: 1,
  sheets: [],
  errors,
  warnings,
  issues: [],
  preview: null,
});

const version: VersionRecord = {
  id: 2,
  publishedAt: '2023-09-20T02:30:00.000Z',
  publishedBy: 'zhang.wei',
  sourceName: '2023年8月数据.xlsx',
  sourceSha256: null,
  basedOn: 1,
  note: '',
  counts: {},
  current: true,
};

const run = (...events: AdminEvent[]) => events.reduce(adminFlow, initialFlow);

/** The flow with `chosen` checked and its report on show. */
function previewed(chosen: File, checked: ImportReport): AdminFlow {
  return run(
    { type: 'fileChosen', file: chosen },
    { type: 'checkStarted', file: chosen },
    { type: 'checked', file: chosen, report: checked },
  );
}

describe('the monthly update, step by step', () => {
  it('starts with nothing chosen, and shows the chosen file’s report once it is checked', () => {
    expect(shown(initialFlow.step)).toEqual({
      file: null,
      report: null,
      problem: null,
      publishFailure: null,
      published: null,
    });
    const chosen = file();
    const sent = run({ type: 'fileChosen', file: chosen }, { type: 'checkStarted', file: chosen });
    expect(sent.step).toEqual({ name: 'checking', file: chosen, report: null, publishFailure: null });
    expect(sent.announcement).toEqual({ say: 'checking', name: '2023年8月数据.xlsx' });

    const checked = report(2, 1);
    const flow = adminFlow(sent, { type: 'checked', file: chosen, report: checked });
    expect(flow.step).toEqual({ name: 'previewed', file: chosen, report: checked });
    expect(flow.announcement).toEqual({ say: 'checked', errors: 2, warnings: 1 });
    expect(flow.focus).toEqual({ on: 'report' });
  });

  it('refuses to send no file, an empty file or one over 20 MB', () => {
    expect(fileRefusal(file('a.xlsx', 0))).toEqual({ kind: 'empty', name: 'a.xlsx' });
    const big = file('big.xlsx');
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    expect(fileRefusal(big)).toEqual({ kind: 'tooLarge', name: 'big.xlsx', size: 20 * 1024 * 1024 + 1 });
    expect(fileRefusal(file())).toBeNull();

    const flow = run({ type: 'refused', refusal: { kind: 'noFile' } });
    expect(shown(flow.step).problem).toEqual({ kind: 'noFile' });
    // A new choice clears the problem.
    expect(shown(adminFlow(flow, { type: 'fileChosen', file: file() }).step).problem).toBeNull();
  });

  it('drops the report when another file is chosen, and the answer about a file no longer chosen', () => {
    const first = file('一.xlsx');
    const flow = previewed(first, report());
    const other = file('二.xlsx');
    expect(adminFlow(flow, { type: 'fileChosen', file: other }).step).toEqual({
      name: 'choosing',
      file: other,
      refusal: null,
    });
    expect(adminFlow(flow, { type: 'fileChosen', file: first })).toEqual(flow);

    // Another file chosen while the first is being checked: the first one's report never shows.
    const sending = run({ type: 'fileChosen', file: first }, { type: 'checkStarted', file: first });
    const changed = adminFlow(sending, { type: 'fileChosen', file: other });
    expect(adminFlow(changed, { type: 'checked', file: first, report: report() })).toEqual(changed);
    expect(adminFlow(changed, { type: 'checkFailed', file: first, failure: { kind: 'serverTooLarge' } })).toEqual(
      changed,
    );
  });

  it('keeps the file, and the report it had, when checking it fails', () => {
    const chosen = file();
    const first = run({ type: 'fileChosen', file: chosen }, { type: 'checkStarted', file: chosen });
    const error = new ApiError('network', '/admin/imports', 'offline');
    const failed = adminFlow(first, { type: 'checkFailed', file: chosen, failure: { kind: 'failed', error } });
    expect(shown(failed.step)).toMatchObject({ file: chosen, report: null, problem: { kind: 'failed', error } });

    const checked = report();
    const again = adminFlow(previewed(chosen, checked), { type: 'checkStarted', file: chosen });
    expect(shown(again.step).report).toBe(checked);
    const failedAgain = adminFlow(again, { type: 'checkFailed', file: chosen, failure: { kind: 'serverTooLarge' } });
    expect(shown(failedAgain.step)).toMatchObject({ report: checked, problem: { kind: 'serverTooLarge' } });
    // Choosing the same file again keeps its report and drops the problem.
    expect(adminFlow(failedAgain, { type: 'fileChosen', file: chosen }).step).toEqual({
      name: 'previewed',
      file: chosen,
      report: checked,
    });
  });

  it('publishes the report on show, and clears the file once published', () => {
    const chosen = file();
    const checked = report(0, 1);
    const publishing = adminFlow(previewed(chosen, checked), { type: 'publishStarted', report: checked });
    expect(publishing.step.name).toBe('publishing');
    expect(publishing.announcement).toEqual({ say: 'publishing' });

    const done = adminFlow(publishing, { type: 'published', version });
    expect(shown(done.step)).toEqual({
      file: null,
      report: null,
      problem: null,
      publishFailure: null,
      published: version,
    });
    expect(done.announcement).toEqual({ say: 'published', version: 2 });
    expect(done.formsCleared).toBe(publishing.formsCleared + 1);
    // The next file chosen takes the note of the published version away.
    expect(shown(adminFlow(done, { type: 'fileChosen', file: file() }).step).published).toBeNull();
  });

  it('does not publish a report that is no longer on show', () => {
    const flow = previewed(file(), report());
    expect(adminFlow(flow, { type: 'publishStarted', report: report() })).toEqual(flow);
  });

  it('keeps saying why publishing failed while the same file is checked again, until its new report comes', () => {
    const chosen = file();
    const checked = report();
    const failure = { error: new ApiError('http', '/admin/imports', 'conflict', { status: 409 }) };
    const failed = run(
      { type: 'fileChosen', file: chosen },
      { type: 'checkStarted', file: chosen },
      { type: 'checked', file: chosen, report: checked },
      { type: 'publishStarted', report: checked },
      { type: 'publishFailed', report: checked, failure },
    );
    expect(shown(failed.step)).toMatchObject({ report: checked, publishFailure: failure });
    expect(failed.announcement).toEqual({ say: 'nothing' });

    const again = adminFlow(failed, { type: 'checkStarted', file: chosen });
    expect(shown(again.step)).toMatchObject({ report: checked, publishFailure: failure });
    const next = report();
    const rechecked = adminFlow(again, { type: 'checked', file: chosen, report: next });
    expect(shown(rechecked.step)).toMatchObject({ report: next, publishFailure: null });
    // Publishing may be asked for again straight after a refusal.
    expect(adminFlow(failed, { type: 'publishStarted', report: checked }).step.name).toBe('publishing');
  });
});

describe('the session around it', () => {
  it('keeps the file and its report when the session ends mid-way, and says why to sign in again', () => {
    const chosen = file();
    const checked = report();
    const publishing = adminFlow(previewed(chosen, checked), { type: 'publishStarted', report: checked });
    const lost = adminFlow(publishing, { type: 'sessionLost', why: 'expired' });
    expect(lost.step).toEqual({ name: 'previewed', file: chosen, report: checked });
    expect(lost.session).toEqual({ kind: 'lost', why: 'expired' });

    const sending = run({ type: 'fileChosen', file: chosen }, { type: 'checkStarted', file: chosen });
    expect(adminFlow(sending, { type: 'sessionLost', why: 'csrf' }).step).toEqual({
      name: 'choosing',
      file: chosen,
      refusal: null,
    });

    const back = adminFlow(lost, { type: 'signedIn', user: 'zhang.wei' });
    expect(back.session).toEqual({ kind: 'none' });
    expect(back.step).toBe(lost.step);
    expect(back.focus).toEqual({ on: 'user' });
    expect(back.announcement).toEqual({ say: 'signedIn', user: 'zhang.wei' });
  });

  it('forgets the file, its report and any answer still to come when the editor signs out', () => {
    const chosen = file();
    const sending = run({ type: 'fileChosen', file: chosen }, { type: 'checkStarted', file: chosen });
    const out = adminFlow(sending, { type: 'signedOut' });
    expect(out.step).toEqual(initialFlow.step);
    expect(out.session).toEqual({ kind: 'signedOut' });
    expect(out.announcement).toEqual({ say: 'signedOut' });
    expect(out.formsCleared).toBe(1);
    expect(adminFlow(out, { type: 'checked', file: chosen, report: report() })).toEqual(out);
  });

  it('says when signing out failed, until it is tried again', () => {
    const error = new ApiError('network', '/admin/imports', 'offline');
    const failed = run({ type: 'signOutFailed', error });
    expect(failed.session).toEqual({ kind: 'signOutFailed', error });
    expect(adminFlow(failed, { type: 'signOutStarted' }).session).toEqual({ kind: 'none' });
  });
});
