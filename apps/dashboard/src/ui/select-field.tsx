/** One choice of a select: its value and what the user reads. */
export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/** The options of a fixed list of values, each shown by its label. */
export function optionsOf<T extends string>(values: readonly T[], labelOf: (value: T) => string): SelectOption<T>[] {
  return values.map((value) => ({ value, label: labelOf(value) }));
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onValue(value: NoInfer<T>): void;
  name?: string;
  testId?: string;
  /** A first option with the empty value (a filter's "All"). */
  emptyLabel?: string;
}

/** A labelled select. */
export function SelectField<T extends string>({ label, value, options, onValue, name, testId, emptyLabel }: SelectFieldProps<T>) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} value={value} onChange={(event) => onValue(event.target.value as T)} data-testid={testId}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
