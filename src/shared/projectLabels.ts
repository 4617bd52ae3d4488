/**
 * Names of the project contract's identifiers (stage, level, type of project) in both languages:
 * one wording for the tracker, the wall screen and the import template.
 */
export const PROJECT_LABELS_ZH = {
  'stage.negotiating': '在谈',
  'stage.signed': '已签约',
  'stage.preliminary': '前期',
  'stage.construction': '在建',
  'stage.completed': '建成',
  'level.municipal': '市级',
  'level.district': '区级',
  'type.manufacturing': '制造业',
  'type.transport': '交通',
  'type.health': '医疗卫生',
  'type.education': '教育',
  'type.housing': '住房',
  'type.logistics': '物流',
  'type.ecology': '生态',
  'type.urban': '城市更新',
  'type.park': '产业园区',
  'type.agritech': '农业科技',
  'type.aerospace': '航空航天',
} as const;

export const PROJECT_LABELS_EN: { readonly [K in keyof typeof PROJECT_LABELS_ZH]: string } = {
  'stage.negotiating': 'Negotiating',
  'stage.signed': 'Signed',
  'stage.preliminary': 'Preliminary',
  'stage.construction': 'Under construction',
  'stage.completed': 'Completed',
  'level.municipal': 'Municipal',
  'level.district': 'District',
  'type.manufacturing': 'Manufacturing',
  'type.transport': 'Transport',
  'type.health': 'Health',
  'type.education': 'Education',
  'type.housing': 'Housing',
  'type.logistics': 'Logistics',
  'type.ecology': 'Ecology',
  'type.urban': 'Urban renewal',
  'type.park': 'Industrial park',
  'type.agritech': 'Agritech',
  'type.aerospace': 'Aerospace',
};
