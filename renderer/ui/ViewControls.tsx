import { useViewOptions } from './use-view-options';
import type { SortOrder } from './use-library';

interface Props {
  searching: boolean;
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
  source: string | null;
  onSource: (source: string | null) => void;
  category: string | null;
  onCategory: (category: string | null) => void;
}

/** Sort order (while searching), and the source and category filters: one file's or one category's papers only. */
export function ViewControls({ searching, sort, onSort, source, onSource, category, onCategory }: Props) {
  const { files, categories } = useViewOptions();
  return (
    <div className="view-controls">
      {searching && (
        <label>
          Sort{' '}
          <select value={sort} onChange={(event) => onSort(event.target.value as SortOrder)}>
            <option value="relevance">by relevance</option>
            <option value="date">newest first</option>
          </select>
        </label>
      )}
      <ListChoice label="Source" everything="all files" names={files} chosen={source} onChoose={onSource} />
      <ListChoice label="Category" everything="all categories" names={categories} chosen={category} onChoose={onCategory} />
    </div>
  );
}

interface ListChoiceProps {
  label: string;
  /** The option for no list at all. */
  everything: string;
  names: string[] | undefined;
  chosen: string | null;
  onChoose: (name: string | null) => void;
}

/** A select of one list's papers (a source file, a category), or of all papers. */
function ListChoice({ label, everything, names, chosen, onChoose }: ListChoiceProps) {
  return (
    <label>
      {label}{' '}
      <select value={chosen ?? ''} onChange={(event) => onChoose(event.target.value === '' ? null : event.target.value)}>
        <option value="">{everything}</option>
        {names?.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
