// The frame of a data table: the scrolling wrapper, the column titles, and the body rows.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface TableProps {
  columns: ReactNode[];
  /** Adds a last column, titled for screen readers only, for each row's buttons. */
  actions?: boolean;
  compact?: boolean;
  testId?: string;
  children: ReactNode;
}

export function Table({ columns, actions = false, compact = false, testId, children }: TableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className={compact ? 'table table--compact' : 'table'} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((title, i) => (
              <th key={i} scope="col">
                {title}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
