-- A DJ's public profile (issue 19, item 2): a short bio and an avatar picture's address, both
-- edited by the DJ in the Career Hub. The avatar is an https URL the browser loads as given.
ALTER TABLE users ADD COLUMN bio text;
ALTER TABLE users ADD COLUMN avatar_url text;
ALTER TABLE users ADD CONSTRAINT users_bio_length CHECK (bio IS NULL OR char_length(bio) <= 500);
ALTER TABLE users ADD CONSTRAINT users_avatar_url_https
    CHECK (avatar_url IS NULL OR (avatar_url ~ '^https://[^[:space:]"<>]+$' AND char_length(avatar_url) <= 500));
