import type { ProjectorMap } from '../dispatch/types';
import { retireArticle, upsertArticle } from './queries';

// Head office's knowledge base reaches the desk by pull: a published article (new, or an edit of
// one with the same id, seed articles included) replaces the desk's copy; a retired one leaves
// the search but keeps its question for the complaints that used it.
export const kbProjectors: ProjectorMap = {
  'kb.articlePublished': (db, { payload, at }) => upsertArticle(db, payload, 'headoffice', at),
  'kb.articleRetired': (db, { payload, at }) => retireArticle(db, payload.id, at),
};
