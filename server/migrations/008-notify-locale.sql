-- The language of the emails to an address (one of the widget's locales, e.g. `fr`,
-- `pt-BR`, `zh-Hant`): the reader's, from the request that subscribed it. Addresses that
-- subscribed before the server spoke other languages keep getting English.
ALTER TABLE notify_addresses ADD COLUMN locale text NOT NULL DEFAULT 'en';
