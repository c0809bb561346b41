-- Takes up to ARGV[4] tokens from the token bucket at KEYS[1], refilled greedily.
-- ARGV: burst (capacity), permits per period, period in microseconds, tokens wanted.
-- The bucket is a hash of its tokens (t, fractional) and the time of its last update
-- (ts, microseconds of the Redis clock, so that gateways' clocks do not matter).
-- Returns { granted, whole tokens left, microseconds to the next token, microseconds to full }.
local burst = tonumber(ARGV[1])
local permits = tonumber(ARGV[2])
local period = tonumber(ARGV[3])
local wanted = tonumber(ARGV[4])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local state = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(state[1])
local updated = tonumber(state[2])
if tokens == nil or updated == nil then
	tokens = burst
elseif now > updated then
	tokens = math.min(burst, tokens + (now - updated) * permits / period)
end
local granted = math.min(wanted, math.floor(tokens))
tokens = tokens - granted
local toFull = math.ceil((burst - tokens) * period / permits)
local toNext = 0
if tokens < 1 then
	toNext = math.ceil((1 - tokens) * period / permits)
end
redis.call('HSET', KEYS[1], 't', string.format('%.6f', tokens), 'ts', string.format('%.0f', now))
-- A bucket left alone until full is as good as a new one; keep it a little longer.
redis.call('PEXPIRE', KEYS[1], math.ceil(toFull / 1000) + 10000)
return { granted, math.floor(tokens), toNext, toFull }
