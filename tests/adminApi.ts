/**
 * The admin API as an in-test fake built on the contract's schemas, and the reports, versions and
 * files the admin tests send through it (src/features/admin/AdminPage.test.tsx, tests/admin.test.tsx).
 */
import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  ImportReportSchema,
  PublishRequestSchema,
  RollbackRequestSchema,
  SessionSchema,
  VersionRecordSchema,
} from '../src/api/admin';
import type { AdminError, ImportIssue, ImportPreview, ImportReport, Session, VersionRecord } from '../src/api/admin';

export const ADMIN = '*/api/v1/admin';
export const WAIT = { timeout: 10_000 };
export const CSRF = 'csrf-token-0123456789abcdef';
export const PASSWORD = 'correct horse battery';

export const session = (user = 'zhang.wei'): Session =>
  SessionSchema.parse({ user, csrfToken: CSRF, expiresAt: '2099-01-01T08:00:00.000Z' });

export const version = (id: number, extra: Partial<VersionRecord> = {}): VersionRecord =>
  VersionRecordSchema.parse({
    id,
    publishedAt: `2023-0${Math.min(id + 7, 9)}-0${id}T02:30:00.000Z`,
    publishedBy: id === 1 ? 'seed' : 'zhang.wei',
    sourceName: id === 1 ? 'report 2023-08-26' : `数据更新-${id}.xlsx`,
    sourceSha256: id === 1 ? null : 'ab'.repeat(32),
    basedOn: id === 1 ? null : id - 1,
    note: '',
    counts: { kpis: 40, kpiValues: 300 + id, sectorFigures: 80, namedFirms: 5, projects: 198 },
    current: false,
    ...extra,
  });

export const message = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const issue = (
  over: Partial<ImportIssue> & Pick<ImportIssue, 'severity' | 'code' | 'message'>,
): ImportIssue => ({
  sheet: null,
  row: null,
  column: null,
  header: null,
  value: null,
  ...over,
});

export const ERRORS: ImportIssue[] = [
  issue({
    severity: 'error',
    code: 'not_a_number',
    sheet: '指标',
    row: 12,
    column: 'D',
    header: '数值',
    value: '约一百八十',
    message: message('“数值”必须是数字，这里是文字。请填写数字，单位写在“单位”列。', '“数值” must be a number.'),
  }),
  issue({
    severity: 'error',
    code: 'unknown_sector',
    sheet: '产业',
    row: 5,
    column: 'B',
    header: '产业代码',
    value: 'spaceships',
    message: message('产业代码“spaceships”不存在。', 'There is no sector “spaceships”.'),
  }),
  issue({
    severity: 'warning',
    code: 'cumulative_decrease',
    sheet: '指标',
    row: 3,
    column: 'E',
    header: '数值',
    value: '170',
    message: message('累计值比上月小。', 'The cumulative value is below last month’s.'),
  }),
];

export const PREVIEW: ImportPreview = {
  counts: { added: 2, changed: 1, removed: 0 },
  changes: [
    {
      change: 'added',
      sheet: 'indicators',
      key: 'investment-signed 2023M08',
      label: message('签约资金 · 2023M08', 'Investment signed · 2023M08'),
      field: null,
      before: null,
      after: '205',
      unit: '亿元',
    },
    {
      change: 'added',
      sheet: 'sectors',
      key: 'automotive 2023M08',
      label: message('汽车 · 2023M08', 'Automotive · 2023M08'),
      field: null,
      before: null,
      after: '64.1',
      unit: '亿元',
    },
    {
      change: 'changed',
      sheet: 'projects',
      key: 'p-001',
      label: message('某某项目', 'Some project'),
      field: '完成投资',
      before: '3.2',
      after: '3.6',
      unit: '亿元',
    },
  ],
  tiles: [{ kpi: 'investment-signed', label: message('签约资金', 'Investment signed'), periods: ['2023M08'] }],
  periodsAdded: ['2023M08'],
  periodsRemoved: [],
  asOf: { before: '2023-08-26', after: '2023-09-20' },
  removals: [],
  removalToConfirm: 0,
};

let reportSeq = 0;
export const report = (over: Partial<ImportReport> = {}): ImportReport => {
  reportSeq += 1;
  const issues = over.issues ?? [];
  return ImportReportSchema.parse({
    id: `import-${String(reportSeq).padStart(12, '0')}`,
    fileName: '2023年8月数据.xlsx',
    sha256: '3f'.repeat(32),
    bytes: 48_213,
    format: 'xlsx',
    encoding: null,
    baseVersion: 1,
    sheets: [
      { sheet: 'indicators', name: '指标', rows: 312 },
      { sheet: 'sectors', name: '产业', rows: 96 },
      { sheet: 'projects', name: '项目', rows: 198 },
    ],
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    issues,
    preview: issues.some((i) => i.severity === 'error') ? null : PREVIEW,
    ...over,
  });
};

export const problem = (status: number, body: AdminError, headers: Record<string, string> = {}) =>
  HttpResponse.json(body, { status, headers });

interface Sent {
  uploads: { fileName: string | null; csrf: string | null; contentType: string | null }[];
  publishes: { id: string; body: unknown; csrf: string | null }[];
  rollbacks: { id: string; body: unknown; csrf: string | null }[];
  logins: unknown[];
}

export interface FakeOptions {
  signedIn?: boolean;
  /** The reports answered to successive uploads (the last one repeats). */
  reports?: ImportReport[];
  /** Answers a publish instead of the fake's own rules. */
  publish?: (id: string) => Response | undefined;
}

/**
 * The admin API as the contract describes it: a session cookie stood in by a flag, versions
 * numbered in order, publish refusing unacknowledged warnings, rollback publishing an old version again.
 */
export function fakeAdmin({ signedIn = true, reports = [], publish }: FakeOptions = {}) {
  const sent: Sent = { uploads: [], publishes: [], rollbacks: [], logins: [] };
  const state = {
    session: signedIn ? session() : null,
    versions: [version(1, { current: true })],
  };
  const staged = new Map<string, ImportReport>();
  const queue = [...reports];
  const addVersion = (record: Omit<Partial<VersionRecord>, 'id'>) => {
    const current = state.versions.find((v) => v.current);
    const next = version(state.versions.length + 1, { basedOn: current?.id ?? null, ...record, current: true });
    state.versions = [next, ...state.versions.map((v) => ({ ...v, current: false }))];
    return next;
  };
  const handlers = [
    http.get(`${ADMIN}/session`, () =>
      state.session
        ? HttpResponse.json(state.session)
        : problem(401, { error: 'signed_out', message: 'not signed in' }),
    ),
    http.post(`${ADMIN}/login`, async ({ request }) => {
      const body = (await request.json()) as { name: string; password: string };
      sent.logins.push(body);
      if (body.name === 'locked.out') {
        return problem(
          429,
          { error: 'too_many_attempts', message: 'too many failed sign-ins' },
          { 'Retry-After': '540' },
        );
      }
      if (body.password !== PASSWORD) return problem(401, { error: 'bad_credentials', message: 'wrong' });
      state.session = session(body.name);
      return HttpResponse.json(state.session);
    }),
    http.post(`${ADMIN}/logout`, () => {
      state.session = null;
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(`${ADMIN}/versions`, () => HttpResponse.json({ versions: state.versions })),
    http.post(`${ADMIN}/imports`, ({ request }) => {
      sent.uploads.push({
        fileName: request.headers.get('X-File-Name'),
        csrf: request.headers.get('X-CSRF-Token'),
        contentType: request.headers.get('Content-Type'),
      });
      const next = (queue.length > 1 ? queue.shift() : queue[0]) ?? report();
      staged.set(next.id, next);
      return HttpResponse.json(next);
    }),
    http.post(`${ADMIN}/imports/:id/publish`, async ({ request, params }) => {
      const id = String(params.id);
      const body = PublishRequestSchema.parse(await request.json());
      sent.publishes.push({ id, body, csrf: request.headers.get('X-CSRF-Token') });
      const answer = publish?.(id);
      if (answer) return answer;
      const staging = staged.get(id);
      if (!staging) return problem(404, { error: 'import_not_found', message: 'expired' });
      if (staging.errors > 0) return problem(422, { error: 'has_errors', message: 'errors' });
      if (staging.warnings > 0 && !body.acceptWarnings) {
        return problem(422, { error: 'warnings_not_accepted', message: 'warnings' });
      }
      const removal = staging.preview?.removalToConfirm ?? 0;
      if (removal > 0 && body.confirmRemoval !== removal) {
        return problem(422, { error: 'removal_not_confirmed', message: 'confirm the removal' });
      }
      const published = addVersion({ sourceName: staging.fileName, sourceSha256: staging.sha256 });
      return HttpResponse.json({ version: published }, { status: 201 });
    }),
    http.post(`${ADMIN}/versions/:id/rollback`, async ({ request, params }) => {
      const id = String(params.id);
      const body = RollbackRequestSchema.parse(await request.json());
      sent.rollbacks.push({ id, body, csrf: request.headers.get('X-CSRF-Token') });
      const rolled = addVersion({ sourceName: `rollback to version ${id}`, sourceSha256: null });
      return HttpResponse.json({ version: rolled }, { status: 201 });
    }),
  ];
  return { handlers, sent, state };
}

export const xlsx = (name = '2023年8月数据.xlsx') =>
  new File(['PK fake workbook bytes'], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

export type FakeAdmin = ReturnType<typeof fakeAdmin>;

/** Signs in from the form, as an editor types it (the form's words in Chinese unless `en`). */
export async function signIn(user: UserEvent, name: string, password = PASSWORD, { en = false } = {}) {
  await user.type(await screen.findByLabelText(en ? 'User name' : '用户名', {}, WAIT), name);
  await user.type(screen.getByLabelText(en ? 'Password' : '密码'), password);
  await user.click(screen.getByRole('button', { name: en ? 'Sign in' : '登录' }));
}
