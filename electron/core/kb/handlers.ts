import { ApiError } from '../../../shared/api/errors';
import { suggestQuery } from '../../../shared/kb/normalize';
import type { HandlerMap } from '../dispatch/types';
import { findArticle, firstArticles, matchArticles } from './queries';

// Reading the knowledge base: Cari (search box), suggestions while a complaint is typed, one article.

const SEARCH_LIMIT = 20;
const SUGGEST_LIMIT = 5;

export const kbHandlers: HandlerMap<'kb.search' | 'kb.suggest' | 'kb.get'> = {
  'kb.search': {
    run: (tx, input) => {
      const limit = input.limit ?? SEARCH_LIMIT;
      const match = suggestQuery(input.text);
      return { articles: match === '' ? firstArticles(tx.db, limit) : matchArticles(tx.db, match, limit) };
    },
  },
  'kb.suggest': { run: (tx, input) => ({ articles: matchArticles(tx.db, suggestQuery(input.text), SUGGEST_LIMIT) }) },
  'kb.get': {
    run: (tx, input) => {
      const article = findArticle(tx.db, input.id, true);
      if (!article) throw new ApiError('not_found', 'errors.notFound');
      return article;
    },
  },
};
