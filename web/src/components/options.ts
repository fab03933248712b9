// Options for select fields.
import { useTranslation } from 'react-i18next';
import type { Option } from './Field';

/** Options for a fixed list of values, each labelled by its translation under a group ("sexes.male"). */
export function useChoices() {
  const { t } = useTranslation();
  return (group: string, values: readonly string[]): Option[] =>
    values.map((value) => ({ value, label: t(`${group}.${value}`) }));
}
