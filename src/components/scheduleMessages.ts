import { defineCatalog } from '../lib/i18n';

/**
 * The words of a change's direction (beside ▲ ▼ =) and of what is behind schedule: a catalog of
 * their own, so pages that show neither do not load them.
 */
export const scheduleMessages = defineCatalog(
  {
    /** For screen readers, beside ▲ ▼ =. */
    'change.up': '上升',
    'change.down': '下降',
    'change.flat': '持平',
    /** What is behind schedule by the best measure the data has (src/domain/pace.ts behindSchedule). */
    'schedule.behind': '进度滞后：',
    'schedule.behind.periodTarget': '{label}（完成当期目标任务的{completion}）',
    'schedule.behind.pace': '{label}（慢于序时进度{gap}个百分点）',
    'schedule.behind.join': '、',
  },
  {
    'change.up': 'up',
    'change.down': 'down',
    'change.flat': 'unchanged',
    'schedule.behind': 'Behind schedule: ',
    'schedule.behind.periodTarget': '{label} ({completion} of the period’s target)',
    'schedule.behind.pace': '{label} ({gap} pp behind linear pace)',
    'schedule.behind.join': ', ',
  },
);
