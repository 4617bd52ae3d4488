import { useId } from 'react';

export interface SelectOption<T extends string> {
  id: T;
  label: string;
}

interface SelectFieldProps<T extends string> {
  label: string;
  /** The chosen option; null: the first, "all" option. */
  value: T | null;
  options: readonly SelectOption<T>[];
  /** The first option's text, for no choice (全部). */
  allLabel: string;
  onChange: (value: T | null) => void;
  /** The wrapper's class: `field` in a page's filter bar. */
  className?: string;
  /** The id of a hint that describes the field. */
  describedBy?: string;
}

/** A labelled select of one filter: "all" first, then the options in their order. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  allLabel,
  onChange,
  className = 'field',
  describedBy,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-describedby={describedBy}
        value={value ?? ''}
        onChange={(e) => onChange(options.find((o) => o.id === e.target.value)?.id ?? null)}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
