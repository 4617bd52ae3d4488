import type { Kpi } from '../../../api/kpis';
import { standingOf } from '../../../domain/briefing';
import { comparisonOf, factOf } from '../../../domain/briefingSections';
import { localized } from '../../../lib/i18n';
import type { BriefingWriter, Paragraph } from '../writer';

export interface PrivateFigures {
  entities: Kpi | undefined;
  /** Above-scale private industrial output growth, with its comparison to the district and its contribution. */
  output: Kpi | undefined;
  support: Kpi | undefined;
  giants: Kpi | undefined;
  /** Municipal 专精特新 firms; its facts: those newly recognised (79) and their rank in the city. */
  srdi: Kpi | undefined;
  loans: Kpi | undefined;
  /** New-type R&D institutions recommended; its fact: those held in reserve. */
  rd: Kpi | undefined;
}

/**
 * 民营经济: the private economy's entities, its industrial output growth against the district's, the
 * policy funds, the specialised SMEs (the city rank goes with the newly recognised firms, L102) and
 * the R&D institutions and loans.
 */
export function privateSection(
  { entities, output, support, giants, srdi, loans, rd }: PrivateFigures,
  w: BriefingWriter,
): (Paragraph | null)[] {
  const difference = comparisonOf(output, 'district')?.difference;
  const standing = difference ? standingOf(difference.value) : null;
  const growth = output?.value
    ? { dir: w.direction(output.value), value: w.change(output.value, w.label(output)) }
    : null;
  const contribution = comparisonOf(output, 'contribution');
  return [
    w.paragraph([
      entities?.value && entities.yoy
        ? w.figureSentence('private.entities', entities, entities.value, {
            period: w.opener,
            dir: w.direction(entities.yoy),
            yoy: w.change(entities.yoy, w.label(entities)),
          })
        : w.figureSentence('private.entitiesNoYoy', entities, entities?.value, { period: w.opener }),
      w.figureSentence('private.new', entities, factOf(entities, 'entities')),
    ]),
    w.paragraph([
      !growth || !standing
        ? null
        : standing === 'level'
          ? w.sentence('private.outputLevel', growth)
          : w.sentence('private.output', {
              ...growth,
              standing: w.t(`standing.${standing}`),
              difference: w.figure(difference, w.label(output), { abs: true }),
            }),
      w.figureSentence('private.contribution', output, contribution?.difference),
    ]),
    w.paragraph([
      w.figureSentence('private.support', support, support?.value),
      ...(support?.facts ?? []).map((f) => {
        const name = localized(f.label, w.locale);
        return w.sentence('private.fact', { label: name, value: w.figure(f.value, name) });
      }),
    ]),
    w.paragraph([
      w.figureSentence('sme.giants', giants, giants?.value),
      w.figureSentence('sme.municipal', srdi, srdi?.value),
      w.figureSentence('sme.new', srdi, factOf(srdi, 'firms')),
      w.figureSentence('sme.rank', srdi, factOf(srdi, 'rank')),
    ]),
    w.paragraph([
      w.figureSentence('sme.rdMunicipal', rd, rd?.value),
      w.figureSentence('sme.rdDistrict', rd, factOf(rd, 'firms')),
      w.figureSentence('sme.loans', loans, loans?.value),
    ]),
  ];
}
