import { FILTERS, type Filter } from './filters';

interface Props {
  filter: Filter;
  counts: Record<Filter, number> | undefined;
  onChange: (filter: Filter) => void;
}

export function FilterBar({ filter, counts, onChange }: Props) {
  return (
    <div className="filters" role="group" aria-label="Show">
      {FILTERS.map(({ value, label }) => (
        <button
          key={value}
          type="button"
          className="filter"
          aria-pressed={filter === value}
          aria-label={`${label} ${counts?.[value] ?? 0}`}
          onClick={() => onChange(value)}
        >
          {label}{' '}
          <span className="count" data-testid={`count-${value}`}>
            {counts?.[value] ?? 0}
          </span>
        </button>
      ))}
    </div>
  );
}
