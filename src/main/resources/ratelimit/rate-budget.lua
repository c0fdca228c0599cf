-- The rate budget shared by every replica (RedisRateBudget): one call of this script is one atomic step, so two
-- replicas never both take the last call of a window. The rules are InProcessRateBudget's, step for step.
--
-- A window is a hash: limit (-1 until an answer tells it), remaining, reset (epoch ms), known (1 once an answer said
-- the reset; 0 while it is a guess), probe (epoch ms until which the probe out holds the window; after it another
-- probe may go: its replica died, or its call gave up without an answer), late (calls taken in the window's last
-- moments, late ms before its reset, which the provider may count in the next window: they are charged to it too).
-- A pause is a hash: until (epoch ms),
-- reason. Times are the caller's clock (ARGV[2]), never Redis's: see RedisRateBudget. A window's key vanishes
-- keep_ms after its reset, a pause's at its end.
--
-- acquire  KEYS: window, pause, the operators' pause (every endpoint)
--                                ARGV: 'acquire', now, default window ms, probe answer wait ms, keep ms, probe hold ms,
--                                      late ms
--          returns {1} granted, {2, until, reason} paused, {3, retry at} probe out, {4, reset} spent,
--                  {5, reason} held by the operators (until they resume)
-- observe  KEYS: window         ARGV: 'observe', now, limit, remaining, reset, keep ms, default window ms
-- unanswered KEYS: window       ARGV: 'unanswered'
-- pause    KEYS: pause          ARGV: 'pause', now, until, reason

local op = ARGV[1]
local now = tonumber(ARGV[2])

local function save(limit, remaining, reset, known, keep, probe, late)
  redis.call('HSET', KEYS[1], 'limit', limit, 'remaining', remaining, 'reset', reset, 'known', known, 'probe',
    probe or 0, 'late', late or 0)
  redis.call('PEXPIRE', KEYS[1], math.max(reset - now, 0) + keep)
end

local function window()
  local w = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset', 'known', 'probe', 'late')
  if not w[1] then
    return nil
  end
  return tonumber(w[1]), tonumber(w[2]), tonumber(w[3]), tonumber(w[4]), tonumber(w[5] or '0'), tonumber(w[6] or '0')
end

if op == 'acquire' then
  local held = redis.call('HGET', KEYS[3], 'reason')
  if held then
    return {5, held}
  end
  local pause = redis.call('HMGET', KEYS[2], 'until', 'reason')
  if pause[1] and tonumber(pause[1]) > now then
    return {2, tonumber(pause[1]), pause[2]}
  end
  local default_window, probe_wait, keep = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
  local probe_hold, late_ms = tonumber(ARGV[6]), tonumber(ARGV[7])
  local limit, remaining, reset, known, probe, late = window()
  if not limit then
    -- unknown key: one probe, whose answer tells the limit
    limit, remaining, reset, known, late = -1, 1, now + default_window, 0, 0
  elseif now >= reset then
    -- the provider's window has passed: a known limit is available again, less the late calls the provider may
    -- have counted in it; an unknown one allows a probe
    remaining = limit < 0 and 1 or math.max(limit - late, 0)
    reset, known, late = now + default_window, 0, 0
  elseif limit < 0 and known == 0 and now >= probe then
    -- the probe out has taken longer than a call with all its redeliveries may: it is lost, another may go
    remaining = 1
  end
  if remaining > 0 then
    if limit < 0 then
      probe = now + probe_hold
    elseif known == 1 and now >= reset - late_ms then
      late = late + 1
    end
    save(limit, remaining - 1, reset, known, keep, probe, late)
    return {1}
  end
  save(limit, remaining, reset, known, keep, probe, late)
  if limit < 0 and known == 0 then
    return {3, now + probe_wait}
  end
  return {4, reset}

elseif op == 'observe' then
  local limit, remaining, reset, keep = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
  local default_window = tonumber(ARGV[7])
  local our_limit, our_remaining, our_reset, known, _, late = window()
  if our_limit and our_limit >= 0 and (reset <= now or (known == 0 and reset <= our_reset - default_window)) then
    -- the answer of a call sent before the reset: its count is of a window that has rolled (also when another
    -- replica renewed the window, its reset still the guess made then, a moment after this one read the time)
    return {0}
  end
  if not our_limit or our_limit < 0 or (reset > our_reset and known == 1) then
    -- the late calls taken for the window that rolled are the provider's next window's too, and may not have
    -- reached it yet
    save(limit, math.max(remaining - (late or 0), 0), reset, 1, keep, 0, 0)
  else
    -- same window: calls still in flight were already taken here, so keep the lower count; a reset guessed at
    -- renewal gives way to the provider's
    save(limit, math.min(our_remaining, remaining), known == 1 and our_reset or reset, 1, keep, 0, late)
  end
  return {0}

elseif op == 'unanswered' then
  -- a probe without an answer may be tried again; a known window never, nor one whose reset a 429 told
  local w = redis.call('HMGET', KEYS[1], 'limit', 'known')
  if w[1] and tonumber(w[1]) < 0 and tonumber(w[2]) == 0 then
    redis.call('HSET', KEYS[1], 'remaining', 1)
  end
  return {0}

elseif op == 'pause' then
  -- of two pauses the longer holds, as in the database
  local until_ms = tonumber(ARGV[3])
  local held = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
  if until_ms > held and until_ms > now then
    redis.call('HSET', KEYS[1], 'until', until_ms, 'reason', ARGV[4])
    redis.call('PEXPIRE', KEYS[1], until_ms - now)
  end
  return {0}
end
return redis.error_reply('unknown operation ' .. tostring(op))
