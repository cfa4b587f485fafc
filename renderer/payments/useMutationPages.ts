import { onScopeDispose, ref, shallowRef } from 'vue';
import type { MutationView } from '../../shared/api/methods/payments';
import { useSessionStore } from '../stores/session';
import { pagesFor, pagesToEvict, type MutationQuery } from './paymentLabels';

/** One call's worth of rows: the contract allows up to 500; 100 arrive in well under a frame's budget. */
export const PAGE_SIZE = 100;
/** 40 pages = 4,000 rows kept: a long scroll back never refetches, and memory stays flat at 100,000. */
const MAX_PAGES = 40;

/**
 * The mutation history as a window onto `mutations.list`: the total sizes the scroll area, and the
 * pages of rows the user scrolls to are fetched by offset and kept in a small cache. A new filter
 * starts a new generation, so a page that answers late for the old filter is dropped.
 */
export function useMutationPages() {
  const session = useSessionStore();
  const total = ref(0);
  /** Placeholders the virtual table lays out, one per row; the rows themselves come from the cache. */
  const slots = shallowRef<{ id: number }[]>([]);
  /** Bumped when a page lands, so the cells that read the cache render again. */
  const version = ref(0);
  const loading = ref(false);
  const error = ref<unknown>(null);
  const pages = new Map<number, MutationView[]>();
  const inflight = new Set<number>();
  let query: MutationQuery = {};
  let generation = 0;
  /** The rows last in view, so a refresh refetches what the user is looking at. */
  let range = { first: 0, last: 0 };
  let disposed = false;

  function sizeTo(n: number): void {
    if (n === total.value && slots.value.length === n) return;
    total.value = n;
    slots.value = Array.from({ length: n }, (_, id) => ({ id }));
  }

  async function fetchPage(page: number): Promise<void> {
    const mine = generation;
    inflight.add(page);
    try {
      const answer = await session.call('mutations.list', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (mine !== generation || disposed) return;
      pages.set(page, answer.rows);
      sizeTo(answer.total);
      error.value = null;
      version.value += 1;
    } catch (failure) {
      if (mine === generation) error.value = failure;
    } finally {
      if (mine === generation) inflight.delete(page);
    }
  }

  /** Starts over with a new filter, from the first page. */
  async function reset(next: MutationQuery): Promise<void> {
    generation += 1;
    query = next;
    range = { first: 0, last: 0 };
    pages.clear();
    inflight.clear();
    error.value = null;
    loading.value = true;
    version.value += 1;
    try {
      await fetchPage(0);
      if (error.value) sizeTo(0);
    } finally {
      loading.value = false;
    }
  }

  /** The same filter again (a case changed a row's status): the rows in view are fetched anew, in place. */
  async function refresh(): Promise<void> {
    generation += 1;
    pages.clear();
    inflight.clear();
    const wanted = pagesFor(range.first, range.last, PAGE_SIZE, Math.max(total.value, 1));
    await Promise.all((wanted.length ? wanted : [0]).map((page) => fetchPage(page)));
  }

  /** Called as the table renders rows `first`..`last`: fetches what is missing, lets go of what is far. */
  function need(first: number, last: number): void {
    range = { first, last };
    for (const page of pagesFor(first, last, PAGE_SIZE, total.value)) {
      if (!pages.has(page) && !inflight.has(page)) void fetchPage(page);
    }
    for (const page of pagesToEvict(pages.keys(), Math.floor(first / PAGE_SIZE), MAX_PAGES)) pages.delete(page);
  }

  /** The row at an index, or undefined while its page is on the way. */
  function rowAt(index: number): MutationView | undefined {
    void version.value;
    return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  onScopeDispose(() => {
    disposed = true;
    generation += 1;
  });

  return { total, slots, loading, error, reset, refresh, need, rowAt };
}
