import * as z from 'zod/mini';

/**
 * An object schema's fields, built on first use instead of at import: zod reads a shape only when
 * it first checks an answer (or describes the schema), and this one builds its fields then. The
 * contract's modules are imported by the app's entry, whose evaluation delays hydrating the first
 * screen; most of it was zod building schemas that the page had no answer for yet.
 */
export function lazyShape<S extends object>(build: () => S): S {
  let shape: S | undefined;
  const built = () => (shape ??= build());
  return new Proxy({} as S, {
    get: (_, key) => Reflect.get(built(), key),
    ownKeys: () => Reflect.ownKeys(built()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(built(), key),
  });
}

/**
 * A sector's identifier: a slug the office chooses in its sector catalog (/meta's `sectors`). It
 * appears in shareable URLs, so a sector keeps its id when it is renamed.
 */
export const SECTOR_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
export const SectorIdSchema = z.string().check(z.regex(SECTOR_ID_PATTERN, 'not a sector id'));
export type SectorId = z.infer<typeof SectorIdSchema>;

export const STAGE_IDS = ['negotiating', 'signed', 'preliminary', 'construction', 'completed'] as const;
export const StageIdSchema = z.enum(STAGE_IDS);
export type StageId = z.infer<typeof StageIdSchema>;

export const LEVEL_IDS = ['municipal', 'district'] as const;
export const LevelIdSchema = z.enum(LEVEL_IDS);
export type LevelId = z.infer<typeof LevelIdSchema>;

export const PROJECT_TYPE_IDS = [
  'manufacturing',
  'transport',
  'health',
  'education',
  'housing',
  'logistics',
  'ecology',
  'urban',
  'park',
  'agritech',
  'aerospace',
] as const;
export const ProjectTypeIdSchema = z.enum(PROJECT_TYPE_IDS);
export type ProjectTypeId = z.infer<typeof ProjectTypeIdSchema>;

/**
 * `YYYY`, `YYYYH1|H2`, `YYYYQ1..4`, `YYYYMmm` (cumulative from January to month mm) and
 * `YYYYDmmdd` (from January to day dd of month mm: "to date", 截至 a report's date, e.g. 2023D0826).
 * `YYYY` is the full year, which for the current year means its targets.
 */
export const PERIOD_PATTERN = /^(\d{4})(?:H([12])|Q([1-4])|M(0[1-9]|1[0-2])|D(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))?$/;
export const PeriodIdSchema = z
  .string()
  .check(z.regex(PERIOD_PATTERN, 'not a period id (YYYY, YYYYH1, YYYYQ1, YYYYM07, YYYYD0826)'));
export type PeriodId = z.infer<typeof PeriodIdSchema>;

export const DEFAULT_PERIOD: PeriodId = '2023H1';

/** Text the API returns in both UI languages. */
export const LocalizedTextSchema = z.object(
  lazyShape(() => ({
    'zh-CN': z.string().check(z.minLength(1), z.maxLength(500)),
    en: z.string().check(z.minLength(1), z.maxLength(500)),
  })),
);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Where an imported figure comes from: the uploaded file, the version it was published as, its sheet and row. */
export const ImportSourceSchema = z.object(
  lazyShape(() => ({
    file: z.string().check(z.minLength(1), z.maxLength(255)),
    version: z.int().check(z.gte(1)),
    sheet: z.string().check(z.minLength(1), z.maxLength(100)),
    /** Row number as Excel shows it. */
    row: z.int().check(z.gte(1)),
  })),
);
export type ImportSource = z.infer<typeof ImportSourceSchema>;

/** Where a figure comes from (ProvenanceSchema's `kind`; `/projects?provenance=` takes one). */
export const PROVENANCE_KINDS = ['reported', 'derived', 'imported', 'illustrative'] as const;

/**
 * Where a number comes from: a line of the source report, a formula over reported figures,
 * a row of a monthly data update the office imported, or invented. Built on first use (`z.lazy`):
 * adding checks to an object schema builds its fields at once, which `lazyShape` cannot defer.
 */
export const ProvenanceSchema = z.lazy(() =>
  z
    .object({
      kind: z.enum(PROVENANCE_KINDS),
      source: z.optional(
        z.string().check(z.regex(/^L\d+(-L\d+)?$/, 'source must be a report line like L32 or L56-L58')),
      ),
      formula: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
      import: z.optional(ImportSourceSchema),
      /**
       * The source states the figure without its period; the period it is listed under is read from
       * its context (L42's pharma, materials and energy figures follow L38–L40's Jan–Jul ones). Shown
       * with the figure wherever it is shown.
       */
      assumedPeriod: z.optional(z.literal(true)),
    })
    .check(
      z.refine((p) => p.kind !== 'reported' || p.source !== undefined, {
        error: 'a reported value needs its source line',
        path: ['source'],
      }),
      z.refine((p) => p.kind !== 'derived' || p.formula !== undefined, {
        error: 'a derived value needs its formula',
        path: ['formula'],
      }),
      z.refine((p) => p.kind !== 'imported' || p.import !== undefined, {
        error: 'an imported value needs its import',
        path: ['import'],
      }),
    ),
);
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type ProvenanceKind = Provenance['kind'];

export const UNIT_IDS = [
  'cny',
  'percent',
  'pp',
  'firms',
  'entities',
  'projects',
  'cases',
  'rank',
  'metres',
  'days',
  /** A bare count whose label names what is counted (L62: 3个万亿主导产业). */
  'count',
] as const;
export const UnitSchema = z.enum(UNIT_IDS);
export type Unit = z.infer<typeof UnitSchema>;

/** Units whose figures may fall below zero: money (a loss), growth rates and their differences. */
const SIGNED_UNITS: ReadonlySet<Unit> = new Set(['cny', 'percent', 'pp']);
/** No figure of a district economy comes near this; larger values are corrupt data (1e308, overflow). */
const MAX_ABS_VALUE = 1e15;

/**
 * A number with its unit and provenance. Money is in yuan; percentages and
 * percentage points are in points (45.3 means 45.3 %). `digits` is the number of
 * significant digits the source printed (139.73 → 5), so the UI never rounds it away. Built on
 * first use, as ProvenanceSchema is.
 */
export const MeasureSchema = z.lazy(() =>
  z
    .object({
      value: z.number().check(z.gte(-MAX_ABS_VALUE), z.lte(MAX_ABS_VALUE)),
      unit: UnitSchema,
      digits: z.optional(z.int().check(z.gte(1), z.lte(15))),
      /** `over`: "8000余户" (8000+); `atLeast`: "150亿元以上" (≥); `nearly`: "近亿元". */
      qualifier: z.optional(z.enum(['over', 'atLeast', 'nearly'])),
      provenance: ProvenanceSchema,
    })
    .check(
      z.refine((m) => SIGNED_UNITS.has(m.unit) || m.value >= 0, {
        error: 'a count or length cannot be negative',
        path: ['value'],
      }),
    ),
);
export type Measure = z.infer<typeof MeasureSchema>;

/** A labelled figure beside a main one ("其中今年新认定 79家", "首期投资 3000万元"). */
export const FactSchema = z.object(
  lazyShape(() => ({
    label: LocalizedTextSchema,
    value: MeasureSchema,
  })),
);
export type Fact = z.infer<typeof FactSchema>;

export const IsoDateSchema = z.iso.date();

export const SeriesPointSchema = z.object(
  lazyShape(() => ({
    period: PeriodIdSchema,
    value: z.number().check(z.gte(-MAX_ABS_VALUE), z.lte(MAX_ABS_VALUE)),
    provenance: ProvenanceSchema,
  })),
);
export type SeriesPoint = z.infer<typeof SeriesPointSchema>;

/** A time series; `cumulative` points are running totals from January (1–n月累计). */
export const SeriesSchema = z.object(
  lazyShape(() => ({
    unit: UnitSchema,
    cumulative: z.boolean(),
    points: z.array(SeriesPointSchema).check(z.maxLength(400)),
  })),
);
export type Series = z.infer<typeof SeriesSchema>;
