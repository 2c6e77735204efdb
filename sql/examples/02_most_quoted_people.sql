-- Question: who is quoted most, since when, and what did they say most recently?
-- Reads: quotes_by_speaker.
SELECT speaker, quotes, articles, first_date, last_date, sample_quote
FROM quotes_by_speaker
ORDER BY quotes DESC, articles DESC, speaker
LIMIT 20;
