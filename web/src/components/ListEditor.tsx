// A list edited row by row inside a form grid: each row's inputs with a button to remove it, and a
// button to add an empty row. Rows are named after their place in the list ("contacts.0"), as are
// the paths the API reports for them.
import type { ReactNode } from 'react';

/** A message about a whole list, such as "too many documents". */
export function ListError({ message }: { message: string | undefined }) {
  return message ? <p className="field__error form-grid__full">{message}</p> : null;
}

interface ListEditorProps<T> {
  /** The list's path: rows are `${name}.${index}`. */
  name: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  /** A new, empty row. */
  empty: () => T;
  /** Offer no more rows than this. */
  max?: number;
  /** The message about the list as a whole. */
  error?: string | undefined;
  addLabel: string;
  removeLabel: string;
  /** The inputs of one row; `path` names an input of it ("contacts.0.value"), `set` changes it. */
  children: (
    row: T,
    edit: { path: (field: string) => string; set: (patch: Partial<T>) => void },
  ) => ReactNode;
}

export function ListEditor<T>({
  name,
  rows,
  onChange,
  empty,
  max,
  error,
  addLabel,
  removeLabel,
  children,
}: ListEditorProps<T>) {
  return (
    <>
      <ListError message={error} />
      {rows.map((row, i) => (
        <div className="repeat-row form-grid__full" key={i} data-row={`${name}.${i}`}>
          {children(row, {
            path: (field) => `${name}.${i}.${field}`,
            set: (patch) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r))),
          })}
          <button
            type="button"
            className="button button--link repeat-row__remove"
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {removeLabel}
          </button>
        </div>
      ))}
      {(max === undefined || rows.length < max) && (
        <div className="form-grid__full">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onChange([...rows, empty()])}
          >
            {addLabel}
          </button>
        </div>
      )}
    </>
  );
}
