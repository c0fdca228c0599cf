-- When each token was issued (Spring Security's authorized clients carry it), and when the member's X account
-- was created: the first sync plans its weeks from there, not from the start of Twitter.
ALTER TABLE oauth_token ADD COLUMN issued_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE member ADD COLUMN twitter_created_at TIMESTAMP WITH TIME ZONE;
