-- The most quoted speakers.
SELECT speaker, quotes, articles
FROM quotes_by_speaker
ORDER BY quotes DESC, articles DESC, speaker
LIMIT 15
