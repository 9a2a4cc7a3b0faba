-- Haven vault schema, version 8: the journal's row vocabulary (schema 7) goes. A typed
-- prefix is spelled out from the index's terms read one at a time through an instance
-- vocabulary that each connection makes in its temp schema (store/journal_search.py): a
-- row vocabulary counts every document of a term before it returns the term, which for a
-- common completion cost as much as the prefix search it was meant to avoid.
DROP TABLE IF EXISTS journal_vocab;
