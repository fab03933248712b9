// A list page whose filters live in the address: the filters read from it, the form's draft of
// them, the list for those filters with "load more", and the messages for filters the server
// refused. Each answer remembers the address it is for, so an older list never shows under new
// filters.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { navigate, useSearch } from '../router';
import { useErrorText } from './errors';
import { useAction } from './useAction';
import { useLoad } from './useLoad';

interface ListPage {
  items: unknown[];
  nextCursor: string | null;
}

interface FilteredListOptions<F, D, P> {
  /** The filters in the query string of the address. */
  parse: (search: string) => F;
  /** The form's draft of the filters. */
  draftOf: (filters: F) => D;
  /** A page of the list: the first, or the one after `cursor`. */
  load: (filters: F, cursor?: string) => Promise<P>;
  /** The address of the list filtered as the draft says. */
  target: (draft: D, filters: F) => string;
}

export function useFilteredList<F, D, P extends ListPage>({
  parse,
  draftOf,
  load,
  target,
}: FilteredListOptions<F, D, P>) {
  const { fields } = useErrorText();
  const search = useSearch();
  const filters = useMemo(() => parse(search), [search]);
  const [draft, setDraft] = useState<D>(() => draftOf(filters));
  const { data, error, reload, setData } = useLoad(
    () => load(filters).then((page) => ({ search, ...page })),
    [search],
  );
  const next = useAction();
  const current = data && data.search === search ? data : null;

  useEffect(() => {
    setDraft(draftOf(filters));
    next.setError(null);
  }, [filters]);

  /** Opens an address; the one already open is loaded again. */
  const go = (to: string) => {
    if (to === window.location.pathname + window.location.search) reload();
    else navigate(to);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    go(target(draft, filters));
  };

  const more = async () => {
    if (!current?.nextCursor) return;
    const cursor = current.nextCursor;
    await next.run(async () => {
      const page = await load(filters, cursor);
      const items = [...current.items, ...page.items] as P['items'];
      setData({ ...current, items, nextCursor: page.nextCursor });
    });
  };

  return {
    search,
    filters,
    draft,
    setDraft,
    current,
    error,
    errors: fields(error),
    moreError: next.error,
    busy: next.busy,
    go,
    apply,
    more,
  };
}
