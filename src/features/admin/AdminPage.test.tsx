/**
 * The admin area (/admin): signing in (good, wrong password, locked), uploading a file and reading
 * its validation report (sorting the issues, jumping to a description), the preview, publishing
 * (warnings acknowledged first; another editor's version winning), and rolling back with a
 * confirmation. The admin API is answered by an in-test fake built on the contract's schemas.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  CSRF,
  ERRORS,
  fakeAdmin,
  PASSWORD,
  PREVIEW,
  problem,
  report,
  signIn,
  version,
  WAIT,
  xlsx,
} from '../../../tests/adminApi';
import type { FakeAdmin } from '../../../tests/adminApi';
import { renderWithData } from '../../../tests/render';
import AdminPage from './AdminPage';

/** The admin page at `path` (?lang=en for English), the fake admin API answering. */
const renderAdmin = (fake: FakeAdmin, path = '/admin') =>
  renderWithData(<AdminPage />, path, { handlers: fake.handlers });

/** Opens /admin signed in, chooses a file and sends it; resolves once the report is shown. */
async function uploadFile(fake: FakeAdmin, file = xlsx()) {
  const app = renderAdmin(fake);
  const input = await screen.findByLabelText(/^选择文件/, {}, WAIT);
  await app.user.upload(input, file);
  await app.user.click(screen.getByRole('button', { name: '上传并检查' }));
  await screen.findByRole('heading', { name: '检查结果' }, WAIT);
  return app;
}

/**
 * Publishing refused until a box is ticked: the step says why (`reason`) and puts the focus on
 * the box named `box`, which it returns; nothing is sent.
 */
async function publishAsksFor(
  {
    user,
    fake,
    publishStep,
  }: { user: ReturnType<typeof renderAdmin>['user']; fake: FakeAdmin; publishStep: HTMLElement },
  reason: string,
  box: string,
) {
  await user.click(within(publishStep).getByRole('button', { name: '发布' }));
  expect(await within(publishStep).findByRole('alert', {}, WAIT)).toHaveTextContent(reason);
  const checkbox = within(publishStep).getByRole('checkbox', { name: box });
  expect(checkbox).toHaveFocus();
  expect(fake.sent.publishes).toEqual([]);
  return checkbox;
}

const issueTable = () => screen.findByRole('table', { name: /^问题列表/ }, WAIT);
const locations = (table: HTMLElement) =>
  within(table)
    .getAllByRole('rowheader')
    .map((h) => h.textContent);

describe('signing in', () => {
  it('shows the sign-in form when signed out, with labelled fields the browser can fill in', async () => {
    const fake = fakeAdmin({ signedIn: false });
    renderAdmin(fake);
    expect(await screen.findByRole('heading', { level: 1, name: '数据管理' }, WAIT)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: '登录' }, WAIT)).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('密码')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.queryByRole('heading', { name: /第 1 步/ })).not.toBeInTheDocument();
  });

  it('says plainly that a data service without an admin area (the demo mock) cannot manage data', async () => {
    renderWithData(<AdminPage />, '/admin', {
      handlers: [http.get(`${ADMIN}/session`, () => problem(404, { error: 'not_found', message: 'no such endpoint' }))],
    });
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert).toHaveTextContent('这里不能管理数据');
    expect(alert).toHaveTextContent('请在数据服务（npm start 启动）上打开本页面');
    expect(screen.queryByLabelText('用户名')).not.toBeInTheDocument();
  });

  it('says a wrong password in words and moves focus to the message', async () => {
    const fake = fakeAdmin({ signedIn: false });
    const { user } = renderAdmin(fake);
    await signIn(user, 'zhang.wei', 'wrong');
    const alert = await screen.findByText('用户名或密码不正确，请重新输入。', {}, WAIT);
    expect(alert).toHaveFocus();
    expect(screen.getByLabelText('密码')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('密码')).toHaveAccessibleDescription('用户名或密码不正确，请重新输入。');
  });

  it('says how long to wait when sign-ins are locked (429 with Retry-After)', async () => {
    const fake = fakeAdmin({ signedIn: false });
    const { user } = renderAdmin(fake);
    await signIn(user, 'locked.out');
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert).toHaveTextContent('登录失败次数过多，此账号暂时锁定。请 9 分钟后再试。');
    expect(alert).toHaveFocus();
  });

  it('in English too', async () => {
    const fake = fakeAdmin({ signedIn: false });
    const { user } = renderAdmin(fake, '/admin?lang=en');
    await signIn(user, 'locked.out', PASSWORD, { en: true });
    expect(await screen.findByRole('alert', {}, WAIT)).toHaveTextContent('Try again in 9 min.');
  });

  it('signs in, shows who is signed in and the steps, and signs out again', async () => {
    const fake = fakeAdmin({ signedIn: false });
    const { user } = renderAdmin(fake);
    await signIn(user, 'li.na');
    expect(await screen.findByText('已登录：li.na', {}, WAIT)).toBeInTheDocument();
    expect(fake.sent.logins).toEqual([{ name: 'li.na', password: PASSWORD }]);
    expect(screen.getByRole('heading', { level: 2, name: '第 1 步：下载模板' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Excel 模板（.xlsx，含三张表）' })).toHaveAttribute(
      'href',
      '/api/v1/admin/template.xlsx',
    );
    expect(screen.getByRole('link', { name: '产业.csv' })).toHaveAttribute(
      'href',
      '/api/v1/admin/template/sectors.csv',
    );
    // The history loads once signed in.
    expect(await screen.findByRole('table', { name: '已发布的全部版本，最新的在前' }, WAIT)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '退出登录' }));
    const heading = await screen.findByRole('heading', { level: 2, name: '登录' }, WAIT);
    expect(heading).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('已退出登录。');
  });
});

describe('upload and the validation report', () => {
  it('refuses a file over 20 MB before sending it, and says so', async () => {
    const fake = fakeAdmin();
    const { user } = renderAdmin(fake);
    const big = xlsx('全年数据.xlsx');
    Object.defineProperty(big, 'size', { value: 25 * 1024 * 1024 });
    await user.upload(await screen.findByLabelText(/^选择文件/, {}, WAIT), big);
    await user.click(screen.getByRole('button', { name: '上传并检查' }));
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert).toHaveTextContent('文件“全年数据.xlsx”有 25 MB，超过 20 MB 的上限，没有上传。');
    expect(alert).toHaveFocus();
    expect(fake.sent.uploads).toEqual([]);
  });

  it('sends the file with its name and the CSRF token, and reports what was read', async () => {
    const fake = fakeAdmin({ reports: [report({ issues: ERRORS })] });
    await uploadFile(fake);
    expect(fake.sent.uploads).toEqual([
      {
        fileName: encodeURIComponent('2023年8月数据.xlsx'),
        csrf: CSRF,
        contentType: 'application/octet-stream',
      },
    ]);
    const heading = screen.getByRole('heading', { name: '检查结果' });
    await waitFor(() => expect(heading).toHaveFocus(), WAIT);
    const summary = screen.getByRole('group', { name: '检查结果' });
    for (const text of [
      '2023年8月数据.xlsx',
      '47.1 KB',
      'Excel 工作簿（.xlsx）',
      '指标 312 行，产业 96 行，项目 198 行',
      '2 个错误，1 个警告',
      '第 1 版（当前发布的版本）',
      '3f3f3f3f3f3f',
    ]) {
      expect(within(summary).getByText(text)).toBeInTheDocument();
    }
    expect(within(summary).getByText(/文件有 2 个错误，不能发布/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('检查完成：2 个错误，1 个警告。');
    expect(screen.getByText('修正全部错误并重新上传后，才能预览。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '发布' })).not.toBeInTheDocument();
  });

  it('sorts the issues by the column header clicked, and says so with aria-sort', async () => {
    const fake = fakeAdmin({ reports: [report({ issues: ERRORS })] });
    const { user } = await uploadFile(fake);
    const table = await issueTable();
    // Errors first, then by sheet and row.
    expect(locations(table)).toEqual(['产业 B5', '指标 D12', '指标 E3']);
    const severity = within(table).getByRole('columnheader', { name: '级别' });
    expect(severity).toHaveAttribute('aria-sort', 'ascending');
    expect(within(table).getAllByText('错误')).toHaveLength(2);
    expect(within(table).getAllByText('警告')).toHaveLength(1);

    await user.click(within(table).getByRole('button', { name: '行' }));
    expect(locations(table)).toEqual(['指标 E3', '产业 B5', '指标 D12']);
    expect(within(table).getByRole('columnheader', { name: '行' })).toHaveAttribute('aria-sort', 'ascending');
    expect(severity).toHaveAttribute('aria-sort', 'none');

    await user.click(within(table).getByRole('button', { name: '行' }));
    expect(locations(table)).toEqual(['指标 D12', '产业 B5', '指标 E3']);
    expect(within(table).getByRole('columnheader', { name: '行' })).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(table).getByRole('button', { name: '级别' }));
    await user.click(within(table).getByRole('button', { name: '级别' }));
    expect(locations(table)[0]).toBe('指标 E3');
  });

  it('jumps from an issue’s location to its full description, and back', async () => {
    const fake = fakeAdmin({ reports: [report({ issues: ERRORS })] });
    const { user } = await uploadFile(fake);
    const table = await issueTable();
    const link = within(table).getByRole('link', { name: '指标 D12' });
    await user.click(link);
    const details = screen.getByRole('list', { name: '问题说明' });
    const described = within(details).getAllByRole('listitem')[0];
    expect(described).toHaveFocus();
    expect(described).toHaveTextContent('“数值”必须是数字，这里是文字。请填写数字，单位写在“单位”列。');
    expect(described).toHaveTextContent('列标题数值');
    expect(described).toHaveTextContent('单元格内容约一百八十');

    await user.click(within(described as HTMLElement).getByRole('link', { name: '返回问题列表' }));
    expect(link).toHaveFocus();

    // By keyboard as well.
    const other = within(table).getByRole('link', { name: '产业 B5' });
    other.focus();
    await user.keyboard('{Enter}');
    expect(within(details).getAllByRole('listitem')[1]).toHaveFocus();
  });
});

describe('preview and publishing', () => {
  it('shows what would change, asks for the warnings to be acknowledged, then publishes', async () => {
    const warning = ERRORS.filter((i) => i.severity === 'warning');
    const fake = fakeAdmin({ reports: [report({ issues: warning })] });
    const { user, queryClient } = await uploadFile(fake);

    const preview = screen.getByRole('region', { name: '第 3 步：预览' });
    expect(within(preview).getByText('2023年8月26日 → 2023年9月20日')).toBeInTheDocument();
    expect(within(preview).getByText('2023年1–8月累计')).toBeInTheDocument();
    expect(within(preview).getByText('签约资金（2023年1–8月累计）')).toBeInTheDocument();
    const changes = within(preview).getByRole('table', { name: /^变化明细/ });
    expect(within(changes).getAllByRole('row')).toHaveLength(4);
    expect(within(changes).getByRole('row', { name: /某某项目/ })).toHaveTextContent('3.2亿元');
    expect(within(changes).getByRole('row', { name: /某某项目/ })).toHaveTextContent('3.6亿元');
    await user.click(within(preview).getByRole('radio', { name: '修改（1）' }));
    expect(within(changes).getAllByRole('row')).toHaveLength(2);
    await user.click(within(preview).getByRole('radio', { name: '新增（2）' }));
    expect(
      within(changes)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['签约资金 · 2023M08', '汽车 · 2023M08']);

    // Publishing waits for the warnings to be acknowledged.
    const publishStep = screen.getByRole('region', { name: '第 4 步：发布' });
    const accept = await publishAsksFor(
      { user, fake, publishStep },
      '发布前请先勾选“我已阅读以上 1 条警告，仍要发布”。',
      '我已阅读以上 1 条警告，仍要发布',
    );

    const invalidated: unknown[] = [];
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'invalidate') invalidated.push(event.query.queryKey);
    });
    await user.click(accept);
    await user.click(within(publishStep).getByRole('button', { name: '发布' }));
    const done = await within(publishStep).findByText('已发布第 2 版。', {}, WAIT);
    expect(done.closest('p')).toHaveFocus();
    expect(within(publishStep).getByRole('link', { name: '查看总览' })).toHaveAttribute('href', '/');
    expect(fake.sent.publishes.map(({ body, csrf }) => ({ body, csrf }))).toEqual([
      { body: { acceptWarnings: true, confirmRemoval: 0 }, csrf: CSRF },
    ]);
    // Every query of the dashboard is out of date now, the overview's figures among them.
    expect(invalidated).toContainEqual(['meta']);
    const history = await screen.findByRole('table', { name: '已发布的全部版本，最新的在前' }, WAIT);
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(3), WAIT);
    expect(within(history).getByRole('row', { name: /^第 2 版/ })).toHaveTextContent('当前版本');
    expect(screen.getByRole('status')).toHaveTextContent('已发布第 2 版。');
  });

  it('asks apart from the warnings to confirm removing published rows, naming the count per sheet', async () => {
    const removing = report({
      issues: ERRORS.filter((i) => i.severity === 'warning'),
      preview: {
        ...PREVIEW,
        counts: { added: 0, changed: 0, removed: 10 },
        removals: [{ sheet: 'indicators', name: '指标', removed: 10, published: 16, needsConfirmation: true }],
        removalToConfirm: 10,
      },
    });
    const fake = fakeAdmin({ reports: [removing] });
    const { user } = await uploadFile(fake);
    const publishStep = screen.getByRole('region', { name: '第 4 步：发布' });
    const removal = within(publishStep).getByRole('group', { name: '发布会删除已发布的数据' });
    expect(removal).toHaveTextContent('“指标”表：已发布的 16 行中删除 10 行');
    // Accepting the warnings is not enough.
    await user.click(within(publishStep).getByRole('checkbox', { name: '我已阅读以上 1 条警告，仍要发布' }));
    const confirm = await publishAsksFor(
      { user, fake, publishStep },
      '发布会删除 10 行已发布的数据：请另行勾选“我确认删除这 10 行已发布的数据”。',
      '我确认删除这 10 行已发布的数据',
    );
    expect(removal).toContainElement(confirm);
    await user.click(confirm);
    await user.click(within(publishStep).getByRole('button', { name: '发布' }));
    await within(publishStep).findByText('已发布第 2 版。', {}, WAIT);
    expect(fake.sent.publishes.map(({ body }) => body)).toEqual([{ acceptWarnings: true, confirmRemoval: 10 }]);
  });

  it('names the indicators a catalog leaves out with their published figures, and asks to confirm their removal', async () => {
    const removing = report({
      preview: {
        ...PREVIEW,
        counts: { added: 0, changed: 0, removed: 2 },
        removals: [
          { sheet: 'indicatorCatalog', name: '指标目录', removed: 1, published: 18, needsConfirmation: true },
          { sheet: 'indicators', name: '指标', removed: 1, published: 21, needsConfirmation: false },
        ],
        removalToConfirm: 1,
        indicatorsRemoved: [
          { kpi: 'rd-institutions', label: { 'zh-CN': '研发机构', en: 'R&D institutions' }, figures: 1 },
        ],
      },
    });
    const fake = fakeAdmin({ reports: [removing] });
    const { user } = await uploadFile(fake);
    const publishStep = screen.getByRole('region', { name: '第 4 步：发布' });
    const removal = within(publishStep).getByRole('group', { name: '发布会删除已发布的数据' });
    expect(removal).toHaveTextContent('“指标目录”表：已发布的 18 行中删除 1 行');
    expect(removal).toHaveTextContent('指标“研发机构”及其已发布的 1 项数据将从看板移除（以前的版本仍保留）');
    const confirm = await publishAsksFor(
      { user, fake, publishStep },
      '发布会删除 1 行已发布的数据：请另行勾选“我确认删除这 1 行已发布的数据”。',
      '我确认删除这 1 行已发布的数据',
    );
    await user.click(confirm);
    await user.click(within(publishStep).getByRole('button', { name: '发布' }));
    await within(publishStep).findByText('已发布第 2 版。', {}, WAIT);
    expect(fake.sent.publishes.map(({ body }) => body)).toEqual([{ acceptWarnings: false, confirmRemoval: 1 }]);
  });

  it('offers nothing to publish for a file that holds the published data unchanged', async () => {
    const unchanged = report({
      preview: { ...PREVIEW, counts: { added: 0, changed: 0, removed: 0 }, changes: [], tiles: [], periodsAdded: [] },
    });
    const fake = fakeAdmin({ reports: [unchanged] });
    await uploadFile(fake);
    const publishStep = screen.getByRole('region', { name: '第 4 步：发布' });
    expect(within(publishStep).getByText('这个文件与当前发布的数据相同，没有需要发布的变化。')).toBeInTheDocument();
    expect(within(publishStep).queryByRole('button', { name: '发布' })).not.toBeInTheDocument();
    expect(screen.getByText('与当前发布的数据相比没有变化。')).toBeInTheDocument();
  });

  it('counts in English with singular and plural words', async () => {
    const fake = fakeAdmin({ reports: [report({ issues: ERRORS.filter((i) => i.severity === 'warning') })] });
    const { user } = renderAdmin(fake, '/admin?lang=en');
    await user.upload(await screen.findByLabelText(/^Choose a file/, {}, WAIT), xlsx());
    await user.click(screen.getByRole('button', { name: 'Upload and check' }));
    const summary = await screen.findByRole('group', { name: 'Check results' }, WAIT);
    expect(within(summary).getByText('0 errors, 1 warning')).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'I have read the 1 warning above and want to publish anyway' }),
    ).not.toBeChecked();
  });

  it('names the version that won when someone else published first, and checks the same file again', async () => {
    const winner = version(2, { publishedBy: 'wang.fang', sourceName: '王芳的8月数据.xlsx', current: true });
    const first = report();
    const second = report({ baseVersion: 2 });
    const fake = fakeAdmin({
      reports: [first, second],
      publish: (id) =>
        id === first.id
          ? problem(409, { error: 'version_conflict', message: 'version 2 was published meanwhile', winner })
          : undefined,
    });
    const { user } = await uploadFile(fake);
    const publishStep = screen.getByRole('region', { name: '第 4 步：发布' });
    await user.click(within(publishStep).getByRole('button', { name: '发布' }));
    const alert = await within(publishStep).findByRole('alert', {}, WAIT);
    expect(alert).toHaveTextContent(
      /wang\.fang 于 2023年9月\d+日 \d\d:\d\d 发布了第 2 版（来源：王芳的8月数据\.xlsx）/,
    );
    expect(alert).toHaveTextContent('这个文件是与第 1 版比较的，需要与第 2 版重新比较后才能发布。');
    expect(alert).toHaveFocus();

    await user.click(within(alert).getByRole('button', { name: '用同一文件重新检查' }));
    await waitFor(() => expect(fake.sent.uploads).toHaveLength(2), WAIT);
    await screen.findByText('第 2 版（当前发布的版本）', {}, WAIT);
    await user.click(within(publishStep).getByRole('button', { name: '发布' }));
    expect(await within(publishStep).findByText('已发布第 2 版。', {}, WAIT)).toBeInTheDocument();
    expect(fake.sent.publishes.map((p) => p.id)).toEqual([first.id, second.id]);
  });

  it('asks to check the file again when the upload has expired (404), keeping the report', async () => {
    const fake = fakeAdmin({
      publish: () => problem(404, { error: 'import_not_found', message: 'expired' }),
    });
    const { user } = await uploadFile(fake);
    const publishStep = screen.getByRole('region', { name: '第 4 步：发布' });
    await user.click(within(publishStep).getByRole('button', { name: '发布' }));
    expect(await within(publishStep).findByRole('alert', {}, WAIT)).toHaveTextContent(
      '没有发布：这次上传已过期，服务器不再保留。请用同一文件重新检查后发布。',
    );
    expect(screen.getByRole('heading', { name: '检查结果' })).toBeInTheDocument();
    expect(screen.getByText('已选择：2023年8月数据.xlsx（22 字节）')).toBeInTheDocument();
  });
  it('asks to sign in again when the session ended, and keeps the file and its report', async () => {
    const fake = fakeAdmin({
      publish: () => {
        fake.state.session = null;
        return problem(401, { error: 'signed_out', message: 'sign in to change the data' });
      },
    });
    const { user } = await uploadFile(fake);
    await user.click(
      within(screen.getByRole('region', { name: '第 4 步：发布' })).getByRole('button', { name: '发布' }),
    );
    expect(await screen.findByRole('heading', { level: 2, name: '登录' }, WAIT)).toHaveFocus();
    expect(screen.getByText('登录已过期，请重新登录。已选择的文件和检查结果仍保留。')).toBeInTheDocument();

    await signIn(user, 'zhang.wei');
    expect(await screen.findByRole('heading', { name: '检查结果' }, WAIT)).toBeInTheDocument();
    expect(screen.getByText('已选择：2023年8月数据.xlsx（22 字节）')).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: '第 4 步：发布' })).getByRole('button', { name: '发布' }),
    ).toBeEnabled();
  });
});

describe('version history', () => {
  it('rolls back only after confirmation, sending the version it saw as current', async () => {
    const fake = fakeAdmin();
    fake.state.versions = [
      version(3, { current: true, sourceName: '9月数据.xlsx' }),
      version(2, { sourceName: '8月数据.xlsx' }),
      version(1),
    ];
    const { user } = renderAdmin(fake);
    const history = await screen.findByRole('table', { name: '已发布的全部版本，最新的在前' }, WAIT);
    const current = within(history).getByRole('row', { name: /^第 3 版/ });
    expect(current).toHaveTextContent('当前版本');
    expect(within(current).queryByRole('button')).not.toBeInTheDocument();
    expect(within(history).getByRole('row', { name: /^第 2 版/ })).toHaveTextContent('8月数据.xlsx');

    // Cancelling sends nothing and returns to the row's button.
    const rollTo2 = within(within(history).getByRole('row', { name: /^第 2 版/ })).getByRole('button', {
      name: '回滚到此版本',
    });
    await user.click(rollTo2);
    expect(screen.getByRole('heading', { name: '回滚到第 2 版？' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: '取消' }));
    expect(rollTo2).toHaveFocus();
    expect(screen.queryByRole('heading', { name: '回滚到第 2 版？' })).not.toBeInTheDocument();

    await user.click(rollTo2);
    const confirmBox = screen.getByRole('group', { name: '回滚到第 2 版？' });
    expect(confirmBox).toHaveTextContent('替换当前的第 3 版');
    expect(fake.sent.rollbacks).toEqual([]);
    await user.click(within(confirmBox).getByRole('button', { name: '确认回滚到第 2 版' }));

    // The message takes the focus from the confirmation it replaces, and the live region says it too.
    await waitFor(
      () => expect(document.activeElement).toHaveTextContent('已回滚：第 2 版的内容已发布为第 4 版。'),
      WAIT,
    );
    expect(screen.getByRole('status')).toHaveTextContent('已回滚：第 2 版的内容已发布为第 4 版。');
    expect(fake.sent.rollbacks).toEqual([{ id: '2', body: { basedOn: 3 }, csrf: CSRF }]);
    await waitFor(
      () =>
        expect(
          within(screen.getByRole('table', { name: /版本/ })).getByRole('row', { name: /^第 4 版/ }),
        ).toHaveTextContent('当前版本'),
      WAIT,
    );
  });
});
